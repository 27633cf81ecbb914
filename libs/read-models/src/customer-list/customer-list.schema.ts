/**
 * The customer list's tables. Rows are kept with their history (established / removed, assigned
 * / unassigned, created / deleted, by position and time) so the list can be answered as it was
 * at any moment (`asOf`); partial indexes serve the current list. Sort keys are folded
 * (`foldForComparison`) and denormalised onto the rows so that every sort walks an index.
 */
export const CUSTOMER_LIST_SCHEMA = `
CREATE TABLE customers (
  id           INTEGER PRIMARY KEY,
  customer_id  TEXT NOT NULL UNIQUE,
  company_name TEXT NOT NULL,
  domain       TEXT NOT NULL,
  name_key     TEXT NOT NULL,
  domain_key   TEXT NOT NULL
);
CREATE VIRTUAL TABLE customer_search USING fts5(search_key, content='', tokenize='trigram');

CREATE TABLE list_rows (
  id                   INTEGER PRIMARY KEY,
  partner_id           TEXT NOT NULL,
  customer_id          TEXT NOT NULL,
  customer_ref         INTEGER NOT NULL REFERENCES customers (id),
  relationship         TEXT NOT NULL,
  name_key             TEXT NOT NULL,
  domain_key           TEXT NOT NULL,
  established_position INTEGER NOT NULL,
  established_at       TEXT NOT NULL,
  removed_position     INTEGER,
  removed_at           TEXT
);
CREATE UNIQUE INDEX list_rows_current ON list_rows (partner_id, customer_id, relationship)
  WHERE removed_position IS NULL;
CREATE INDEX list_rows_by_name ON list_rows (partner_id, name_key, customer_id, relationship)
  WHERE removed_position IS NULL;
CREATE INDEX list_rows_by_domain ON list_rows (partner_id, domain_key, customer_id, relationship)
  WHERE removed_position IS NULL;
CREATE INDEX list_rows_by_created ON list_rows (partner_id, established_position)
  WHERE removed_position IS NULL;
CREATE INDEX list_rows_history ON list_rows (partner_id, name_key, customer_id, relationship,
  established_at, removed_at);

CREATE TABLE tags (
  partner_id TEXT NOT NULL,
  tag_id     TEXT NOT NULL,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  PRIMARY KEY (partner_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX tags_by_name ON tags (partner_id, name_key);

CREATE TABLE tag_assignments (
  id            INTEGER PRIMARY KEY,
  partner_id    TEXT NOT NULL,
  customer_id   TEXT NOT NULL,
  tag_id        TEXT NOT NULL,
  assigned_at   TEXT NOT NULL,
  unassigned_at TEXT
);
CREATE UNIQUE INDEX tag_assignments_current ON tag_assignments (partner_id, customer_id, tag_id)
  WHERE unassigned_at IS NULL;
CREATE INDEX tag_assignments_history ON tag_assignments (partner_id, customer_id, tag_id,
  assigned_at);
CREATE INDEX tag_assignments_by_tag ON tag_assignments (partner_id, tag_id, customer_id);
`;
