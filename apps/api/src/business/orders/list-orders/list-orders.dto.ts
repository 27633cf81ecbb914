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
    'Read-your-writes: wait (bounded) until the orders read model has applied this position. ' +
    'Without it the list still waits for the customer’s last event, so it shows the caller’s ' +
    'own orders at once. 503 `read-model-behind` when it does not catch up in time.',
}) {}
