import type Database from 'better-sqlite3';
import type { CustomerEvent, OrderCreated } from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import type { ApplyEvent, Projection } from '../projection/projection.js';
import { ORDERS_SCHEMA } from './orders.schema.js';

/** The projection's name: its read-model files and its runner are found by it. */
export const ORDERS = 'orders';

/**
 * The orders of every customer with their line items, and what the orders list needs beside
 * them: who sees the customer and each subscription's status. Its rows follow the customer
 * stream's fold (`evolveCustomer`) exactly, so the list answers as a fold of the stream did:
 * events the fold ignores (a relationship of a customer never added) change nothing here.
 */
export const ordersProjection: Projection = {
  name: ORDERS,
  version: 1,
  createSchema: (db) => db.exec(ORDERS_SCHEMA),
  prepare,
};

function prepare(db: Database.Database): ApplyEvent {
  const sql = statements(db);
  const known = (customerId: string): boolean => sql.known.get(customerId) !== undefined;
  return (recorded: RecordedEvent) => {
    const event = recorded as unknown as RecordedEvent & CustomerEvent;
    switch (event.type) {
      case 'CustomerAdded':
        return added(sql, event.data.customerId);
      case 'RelationshipEstablished': {
        const { customerId, partnerId, relationship } = event.data;
        if (known(customerId)) sql.establish.run(customerId, partnerId, relationship);
        return;
      }
      case 'RelationshipRemoved': {
        const { customerId, partnerId, relationship } = event.data;
        sql.remove.run(customerId, partnerId, relationship);
        return;
      }
      case 'OrderCreated':
        return placed(sql, recorded, event.data, known(event.data.customerId));
      case 'SubscriptionSuspended':
        sql.status.run('suspended', event.data.customerId, event.data.subscriptionId);
        return;
      case 'SubscriptionCancelled':
        sql.status.run('cancelled', event.data.customerId, event.data.subscriptionId);
        return;
      default:
        return;
    }
  };
}

/** The fold starts a customer afresh on `CustomerAdded`: no relationships, no subscriptions. */
function added(sql: Statements, customerId: string): void {
  sql.addCustomer.run(customerId);
  sql.forgetRelationships.run(customerId);
  sql.forgetSubscriptions.run(customerId);
}

/**
 * The order is listed whatever the state (as the stream's reader collected every
 * `OrderCreated`); its subscriptions have a status only once the customer exists.
 */
function placed(
  sql: Statements,
  recorded: RecordedEvent,
  order: OrderCreated['data'],
  customerKnown: boolean,
): void {
  const { customerId, partnerId, orderId } = order;
  sql.addOrder.run({
    customerId,
    revision: recorded.revision,
    partnerId,
    orderId,
    position: recorded.position,
    createdAt: recorded.metadata.occurredAt,
    order: JSON.stringify(order),
  });
  if (!customerKnown) return;
  for (const { subscriptionId } of order.lineItems) {
    sql.activate.run(customerId, subscriptionId);
  }
}

type Statements = ReturnType<typeof statements>;

function statements(db: Database.Database) {
  return {
    known: db.prepare<[string], unknown>('SELECT 1 FROM order_customers WHERE customer_id = ?'),
    addCustomer: db.prepare<[string]>(
      'INSERT INTO order_customers (customer_id) VALUES (?) ON CONFLICT DO NOTHING',
    ),
    forgetRelationships: db.prepare<[string]>(
      'DELETE FROM order_relationships WHERE customer_id = ?',
    ),
    forgetSubscriptions: db.prepare<[string]>(
      'DELETE FROM order_subscriptions WHERE customer_id = ?',
    ),
    establish: db.prepare<[string, string, string]>(
      `INSERT INTO order_relationships (customer_id, partner_id, relationship) VALUES (?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    remove: db.prepare<[string, string, string]>(
      `DELETE FROM order_relationships
       WHERE customer_id = ? AND partner_id = ? AND relationship = ?`,
    ),
    addOrder: db.prepare<
      [
        {
          customerId: string;
          revision: bigint;
          partnerId: string;
          orderId: string;
          position: bigint;
          createdAt: string;
          order: string;
        },
      ]
    >(
      `INSERT INTO orders (customer_id, revision, partner_id, order_id, position, created_at,
         order_json)
       VALUES (@customerId, @revision, @partnerId, @orderId, @position, @createdAt, @order)`,
    ),
    activate: db.prepare<[string, string]>(
      `INSERT INTO order_subscriptions (customer_id, subscription_id, status)
       VALUES (?, ?, 'active')
       ON CONFLICT (customer_id, subscription_id) DO UPDATE SET status = 'active'`,
    ),
    status: db.prepare<[string, string, string]>(
      `UPDATE order_subscriptions SET status = ? WHERE customer_id = ? AND subscription_id = ?`,
    ),
  };
}
