/**
 * The activity log's tables. `activity_entries` holds one row per (event position, partner):
 * one event may be an entry in several partners' logs. Lists are newest first within one
 * partner, so each filter has an index ending in `position` that a page walks backwards,
 * stopping after `limit` rows. Values are JSON text; a NULL column means "no such value"
 * (JSON `null` is stored as 'null').
 *
 * Beside the entries, exact statistics let a query at a million entries stay in milliseconds
 * (SQLite counts only by scanning): `activity_counts` holds the number of entries per partner
 * overall and per action, customer and user, so a total is one lookup and a query walks the
 * most selective index; `activity_days` holds per partner and UTC day the number of entries and
 * their first and last positions, so a time range becomes a range of positions. The `user`
 * filter matches the user id or the UPN: `activity_users` holds both (once when equal), so
 * it is one equality. `activity_profiles` finds the entries showing a customer's billing
 * profiles, which an erasure scrubs.
 */
export const ACTIVITY_LOG_SCHEMA = `
CREATE TABLE activity_entries (
  position       INTEGER NOT NULL,
  partner_id     TEXT NOT NULL,
  event_id       TEXT NOT NULL,
  occurred_at    TEXT NOT NULL,
  customer_id    TEXT,
  customer_name  TEXT,
  action         TEXT NOT NULL,
  resource_type  TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  upn            TEXT NOT NULL,
  role           TEXT NOT NULL,
  old_value      TEXT,
  new_value      TEXT,
  correlation_id TEXT NOT NULL,
  causation_id   TEXT NOT NULL
);
CREATE UNIQUE INDEX activity_by_partner ON activity_entries (partner_id, position, occurred_at);
CREATE INDEX activity_by_customer ON activity_entries (partner_id, customer_id, position, occurred_at);
CREATE INDEX activity_by_action ON activity_entries (partner_id, action, position, occurred_at);
CREATE INDEX activity_by_time ON activity_entries (partner_id, occurred_at);
CREATE INDEX activity_profiles ON activity_entries (customer_id)
  WHERE action IN ('add_customer', 'update_customer_billing_profile');

CREATE TABLE activity_users (
  partner_id  TEXT NOT NULL,
  user        TEXT NOT NULL,
  position    INTEGER NOT NULL,
  action      TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (partner_id, user, position)
) WITHOUT ROWID;

CREATE TABLE activity_counts (
  partner_id TEXT NOT NULL,
  dimension  TEXT NOT NULL,
  value      TEXT NOT NULL,
  entries    INTEGER NOT NULL,
  PRIMARY KEY (partner_id, dimension, value)
) WITHOUT ROWID;

CREATE TABLE activity_days (
  partner_id     TEXT NOT NULL,
  day            TEXT NOT NULL,
  entries        INTEGER NOT NULL,
  first_position INTEGER NOT NULL,
  last_position  INTEGER NOT NULL,
  PRIMARY KEY (partner_id, day)
) WITHOUT ROWID;

CREATE TABLE customer_names (
  customer_id  TEXT PRIMARY KEY,
  company_name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE invitation_providers (
  invitation_id        TEXT PRIMARY KEY,
  indirect_provider_id TEXT NOT NULL
) WITHOUT ROWID;
`;
