/**
 * The orders read model's tables. `orders` holds one row per `OrderCreated`, keyed by the
 * revision of that event in its customer stream (the list's order and cursor), with the
 * order as the event recorded it (JSON). The answer also needs what the customer stream
 * folds into: whether the caller sees the customer (`order_relationships`, rows only for
 * customers the model knows) and each subscription's current status (`order_subscriptions`).
 */
export const ORDERS_SCHEMA = `
CREATE TABLE orders (
  customer_id TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  partner_id  TEXT NOT NULL,
  order_id    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  order_json  TEXT NOT NULL,
  PRIMARY KEY (customer_id, revision)
) WITHOUT ROWID;
CREATE INDEX orders_by_partner ON orders (customer_id, partner_id, revision);

CREATE TABLE order_customers (
  customer_id TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE order_relationships (
  customer_id  TEXT NOT NULL,
  partner_id   TEXT NOT NULL,
  relationship TEXT NOT NULL,
  PRIMARY KEY (customer_id, partner_id, relationship)
) WITHOUT ROWID;

CREATE TABLE order_subscriptions (
  customer_id     TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  status          TEXT NOT NULL,
  PRIMARY KEY (customer_id, subscription_id)
) WITHOUT ROWID;
`;
