/**
 * The tables of the webhook outbox (`DATA_DIR/webhooks.db`). The planner keeps the first three
 * from the log, in the same transaction as its checkpoint; the dispatcher writes the last two.
 * - `endpoints`: every registered endpoint as the log says it is at the checkpoint (its sealed
 *   secrets, never clear ones); `cursor`, the position up to which the endpoint's notices have
 *   been taken into deliveries; a disable the delivery asked for and the log does not show yet
 *   (`disable_requested`);
 * - `invitation_providers`: the fact a later event needs to know whom it concerns;
 * - `notices`: every event a partner may be notified of, once per partner concerned, in
 *   position order (`webhook_id` set: a test, for that endpoint only). What an endpoint owes is
 *   its partner's notices after its cursor that it is subscribed to: planning costs one row per
 *   event and partner, however many endpoints there are;
 * - `deliveries`: a notice taken for an endpoint (`id` is its `webhook-id`, derived from the
 *   event and the endpoint, so unique with the key and not indexed again); `tries` counts the
 *   attempts of the current schedule (a replay starts a new one);
 * - `attempts`: every attempt of every delivery, for the delivery log.
 * Positions are the store's global positions (64-bit).
 */
export const OUTBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS endpoints (
  webhook_id        TEXT PRIMARY KEY,
  partner_id        TEXT NOT NULL,
  url               TEXT NOT NULL,
  events            TEXT NOT NULL,
  description       TEXT,
  status            TEXT NOT NULL,
  disabled_because  TEXT,
  secrets           TEXT NOT NULL,
  created_position  INTEGER NOT NULL,
  created_at        TEXT NOT NULL,
  cursor            INTEGER NOT NULL,
  disable_requested TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS endpoints_by_partner ON endpoints (partner_id, status, created_position);
CREATE INDEX IF NOT EXISTS endpoints_to_disable ON endpoints (webhook_id)
  WHERE disable_requested IS NOT NULL;

CREATE TABLE IF NOT EXISTS invitation_providers (
  invitation_id        TEXT PRIMARY KEY,
  indirect_provider_id TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS notices (
  partner_id    TEXT NOT NULL,
  position      INTEGER NOT NULL,
  event_id      TEXT NOT NULL,
  event_name    TEXT NOT NULL,
  occurred_at   TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  resource_uri  TEXT NOT NULL,
  webhook_id    TEXT,
  PRIMARY KEY (partner_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS notices_by_time ON notices (partner_id, occurred_at);

CREATE TABLE IF NOT EXISTS deliveries (
  webhook_id      TEXT NOT NULL,
  position        INTEGER NOT NULL,
  id              TEXT NOT NULL,
  partner_id      TEXT NOT NULL,
  event_name      TEXT NOT NULL,
  occurred_at     TEXT NOT NULL,
  body            TEXT NOT NULL,
  state           TEXT NOT NULL,
  tries           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (webhook_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (webhook_id, position)
  WHERE state = 'pending';

CREATE TABLE IF NOT EXISTS attempts (
  delivery_id TEXT NOT NULL,
  number      INTEGER NOT NULL,
  at          TEXT NOT NULL,
  status      INTEGER,
  duration_ms INTEGER NOT NULL,
  error       TEXT,
  response    TEXT,
  PRIMARY KEY (delivery_id, number)
) WITHOUT ROWID;
`;
