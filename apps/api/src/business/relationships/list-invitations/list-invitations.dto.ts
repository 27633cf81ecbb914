import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';

/** `GET /v1/relationship-requests` query: a page; its cursor is a request's global position. */
export class ListInvitationsDto extends PageQueryDto({
  maxLimit: 500,
  defaultLimit: 50,
  cursor: /^\d{1,20}$/,
  minPositionDescription:
    'Accepted for read-your-writes; this list reads the event log, always current',
}) {}
