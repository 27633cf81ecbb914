import { randomUUID } from 'node:crypto';
import { deterministicUuid } from '../../../platform/idempotency/fingerprint.js';

/** The ids a new order needs: its own and one subscription id per line item. */
export interface OrderIds {
  readonly orderId: string;
  readonly subscriptionIds: readonly string[];
}

/**
 * Random UUIDs; with an `Idempotency-Key`, UUIDs derived from the key (per partner scope) and
 * the customer, so a retry of a request whose first attempt was stored but never answered
 * names the same order and finds it, instead of placing it a second time.
 */
export function orderIds(
  customerId: string,
  lineItemCount: number,
  idempotencyKey?: { readonly scope: string; readonly key: string },
): OrderIds {
  const id = idempotencyKey
    ? (name: string) =>
        deterministicUuid(`${idempotencyKey.scope}/${idempotencyKey.key}/${customerId}/${name}`)
    : () => randomUUID();
  return {
    orderId: id('order'),
    subscriptionIds: Array.from({ length: lineItemCount }, (_, i) => id(`subscription/${i}`)),
  };
}
