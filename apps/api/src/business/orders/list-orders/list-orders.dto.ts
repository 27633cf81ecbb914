import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';

/** Largest page of `GET /v1/customers/{id}/orders` (docs/api.md#paging). */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/** `GET /v1/customers/{id}/orders` query: a page of the caller's orders. */
export class ListOrdersDto extends PageQueryDto({
  maxLimit: MAX_LIMIT,
  defaultLimit: DEFAULT_LIMIT,
  cursor: /^[A-Za-z0-9_-]{1,64}$/,
  minPositionDescription:
    'Accepted like on every list; the orders are read from the customer’s own stream, which is ' +
    'always current, so there is nothing to wait for.',
}) {}
