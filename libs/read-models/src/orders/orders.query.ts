import type Database from 'better-sqlite3';
import {
  CustomerNotFound,
  type OrderCreated,
  type SubscriptionStatus,
} from '@customer-workspace/customers';
import { statementCache } from '../projection/statement-cache.js';
import { decodeOrderCursor, encodeOrderCursor } from './orders.cursor.js';

export interface OrdersRequest {
  readonly customerId: string;
  /** The caller: only the orders it placed are listed. */
  readonly partnerId: string;
  readonly limit: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/** An order the partner placed, as its `OrderCreated` recorded it, and where that event is. */
export interface PlacedOrder {
  readonly order: OrderCreated['data'];
  /** When the order was recorded (the event's `occurredAt`). */
  readonly createdAt: string;
  /** The current status of each of its subscriptions. */
  readonly subscriptionStatuses: ReadonlyMap<string, SubscriptionStatus>;
}

/** A page of a partner's orders for one customer, oldest first. */
export interface OrdersPage {
  readonly items: PlacedOrder[];
  readonly nextCursor: string | null;
  /** Every order the partner placed for the customer. */
  readonly total: number;
}

interface OrderRow {
  revision: bigint;
  created_at: string;
  order_json: string;
}

const cached = statementCache({ safeIntegers: true });

/**
 * A page of the orders `partnerId` placed for `customerId`, oldest first (by their revision
 * in the customer stream). A customer the partner does not see, or an unknown one, throws
 * `CustomerNotFound`; a cursor this list did not hand out throws `InvalidCursor`.
 */
export function queryOrders(db: Database.Database, request: OrdersRequest): OrdersPage {
  const { customerId, partnerId, limit } = request;
  const after = request.cursor === undefined ? -1n : decodeOrderCursor(request.cursor);
  if (!visible(db, customerId, partnerId)) throw new CustomerNotFound(customerId);
  const rows = cached(
    db,
    `SELECT revision, created_at, order_json FROM orders
     WHERE customer_id = ? AND partner_id = ? AND revision > ?
     ORDER BY revision LIMIT ?`,
  ).all(customerId, partnerId, after, limit + 1) as OrderRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: placedOrders(db, customerId, page),
    nextCursor: rows.length > limit && last ? encodeOrderCursor(last.revision) : null,
    total: Number(
      cached(db, 'SELECT count(*) FROM orders WHERE customer_id = ? AND partner_id = ?')
        .pluck()
        .get(customerId, partnerId),
    ),
  };
}

/** The customer exists and the partner holds a relationship with it (docs/product.md rule 5). */
function visible(db: Database.Database, customerId: string, partnerId: string): boolean {
  const found = cached(
    db,
    'SELECT 1 FROM order_relationships WHERE customer_id = ? AND partner_id = ? LIMIT 1',
  ).get(customerId, partnerId);
  return found !== undefined;
}

function placedOrders(
  db: Database.Database,
  customerId: string,
  rows: readonly OrderRow[],
): PlacedOrder[] {
  const orders = rows.map((row) => JSON.parse(row.order_json) as OrderCreated['data']);
  const statuses = statusesOf(db, customerId, orders);
  return orders.map((order, i) => ({
    order,
    createdAt: (rows[i] as OrderRow).created_at,
    subscriptionStatuses: new Map(
      order.lineItems.flatMap(({ subscriptionId }) => {
        const status = statuses.get(subscriptionId);
        return status === undefined ? [] : [[subscriptionId, status] as const];
      }),
    ),
  }));
}

function statusesOf(
  db: Database.Database,
  customerId: string,
  orders: readonly OrderCreated['data'][],
): Map<string, SubscriptionStatus> {
  const ids = orders.flatMap((order) => order.lineItems.map((item) => item.subscriptionId));
  if (ids.length === 0) return new Map();
  const rows = cached(
    db,
    `SELECT subscription_id, status FROM order_subscriptions
     WHERE customer_id = ? AND subscription_id IN (SELECT value FROM json_each(?))`,
  ).all(customerId, JSON.stringify(ids)) as {
    subscription_id: string;
    status: SubscriptionStatus;
  }[];
  return new Map(rows.map((row) => [row.subscription_id, row.status]));
}
