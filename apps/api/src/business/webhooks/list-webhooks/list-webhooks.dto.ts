import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';

/** `GET /v1/webhooks` query: a page of the caller's endpoints, oldest first. */
export class ListWebhooksDto extends PageQueryDto({
  maxLimit: 500,
  defaultLimit: 50,
  cursor: /^\d{1,20}$/,
}) {}
