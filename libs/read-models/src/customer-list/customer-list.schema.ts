/**
 * The customer list's tables: what `apply` writes and reads. Rows are kept with their history
 * (established / removed, assigned / unassigned, created / deleted, by position and time) so
 * the list can be answered as it was at any moment (`asOf`). Sort keys and the search key are
 * folded (`foldForComparison`) and denormalised onto the rows so that every sort and search
 * reads one table. Only the indexes `apply` looks rows up by live here; the rest is
 * `CUSTOMER_LIST_DEFERRED_SCHEMA`.
 */
export const CUSTOMER_LIST_SCHEMA = `
CREATE TABLE customers (
  id           INTEGER PRIMARY KEY,
  customer_id  TEXT NOT NULL UNIQUE,
  company_name TEXT NOT NULL,
  domain       TEXT NOT NULL,
  name_key     TEXT NOT NULL,
  domain_key   TEXT NOT NULL,
  search_key   TEXT NOT NULL
);

CREATE TABLE list_rows (
  id                   INTEGER PRIMARY KEY,
  partner_id           TEXT NOT NULL,
  customer_id          TEXT NOT NULL,
  customer_ref         INTEGER NOT NULL REFERENCES customers (id),
  relationship         TEXT NOT NULL,
  name_key             TEXT NOT NULL,
  domain_key           TEXT NOT NULL,
  search_key           TEXT NOT NULL,
  established_position INTEGER NOT NULL,
  established_at       TEXT NOT NULL,
  removed_position     INTEGER,
  removed_at           TEXT
);
CREATE UNIQUE INDEX list_rows_current ON list_rows (partner_id, customer_id, relationship)
  WHERE removed_position IS NULL;

CREATE TABLE tags (
  partner_id TEXT NOT NULL,
  tag_id     TEXT NOT NULL,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  PRIMARY KEY (partner_id, tag_id)
) WITHOUT ROWID;

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
`;

/**
 * What only the queries read, built from the tables above and then kept up by triggers (so
 * `apply` never writes it): the sort indexes (current rows, carrying the search key so a
 * search can walk them without reading rows), the history indexes of `asOf`, the search
 * index (below), and the rows per (partner, relationship). Idempotent: running it again
 * leaves the same rows.
 *
 * The search index is keyed by partner: a trigram index whose rowid is the partner's number
 * (`list_partners`, in the order partners first appear) in the high 32 bits and the list row's
 * id in the low 32, so each trigram's postings hold a partner's rows side by side and a query
 * bounded to that partner's rowid range seeks to them and reads no other partner's (see
 * `customer-list.search.ts`). Contentless and without positions (`detail=none`): it answers
 * which rows hold all of a term's trigrams, the query then tests the row's key itself; half the
 * size of an index with positions, and built as fast as the shared one was. It is filled in
 * rowid order: FTS5 writes a segment whenever a rowid goes backwards.
 */
export const CUSTOMER_LIST_DEFERRED_SCHEMA = `
CREATE INDEX IF NOT EXISTS list_rows_by_name
  ON list_rows (partner_id, name_key, customer_id, relationship, search_key)
  WHERE removed_position IS NULL;
CREATE INDEX IF NOT EXISTS list_rows_by_domain
  ON list_rows (partner_id, domain_key, customer_id, relationship, search_key)
  WHERE removed_position IS NULL;
CREATE INDEX IF NOT EXISTS list_rows_by_created
  ON list_rows (partner_id, established_position, customer_id, relationship, search_key)
  WHERE removed_position IS NULL;
CREATE INDEX IF NOT EXISTS list_rows_history ON list_rows (partner_id, name_key, customer_id,
  relationship, established_at, removed_at);
CREATE INDEX IF NOT EXISTS list_rows_history_by_domain ON list_rows (partner_id, domain_key,
  customer_id, relationship, established_at, removed_at);
CREATE INDEX IF NOT EXISTS list_rows_history_by_created ON list_rows (partner_id,
  established_position, customer_id, relationship, established_at, removed_at);
CREATE INDEX IF NOT EXISTS list_rows_by_customer ON list_rows (partner_id, customer_id,
  established_at, removed_at);

CREATE INDEX IF NOT EXISTS tags_by_name ON tags (partner_id, name_key);
CREATE INDEX IF NOT EXISTS tag_assignments_history ON tag_assignments (partner_id, customer_id,
  tag_id, assigned_at);
CREATE INDEX IF NOT EXISTS tag_assignments_by_tag ON tag_assignments (partner_id, tag_id,
  customer_id, assigned_at, unassigned_at);

CREATE TABLE IF NOT EXISTS list_partners (
  ref        INTEGER PRIMARY KEY,
  partner_id TEXT NOT NULL UNIQUE
);
INSERT OR IGNORE INTO list_partners (partner_id)
  SELECT partner_id FROM list_rows GROUP BY partner_id ORDER BY min(id);
CREATE VIRTUAL TABLE IF NOT EXISTS list_row_search USING fts5(search_key, content='',
  columnsize=0, detail=none, tokenize='trigram case_sensitive 1');
INSERT INTO list_row_search (list_row_search) VALUES ('delete-all');
INSERT INTO list_row_search (rowid, search_key)
  SELECT (p.ref << 32) | r.id, r.search_key FROM list_rows r JOIN list_partners p USING (partner_id)
  ORDER BY 1;
CREATE TRIGGER IF NOT EXISTS list_row_searchable AFTER INSERT ON list_rows BEGIN
  INSERT OR IGNORE INTO list_partners (partner_id) VALUES (NEW.partner_id);
  INSERT INTO list_row_search (rowid, search_key)
    SELECT (ref << 32) | NEW.id, NEW.search_key FROM list_partners WHERE partner_id = NEW.partner_id;
END;

CREATE TABLE IF NOT EXISTS list_counts (
  partner_id   TEXT NOT NULL,
  relationship TEXT NOT NULL,
  row_count    INTEGER NOT NULL,
  PRIMARY KEY (partner_id, relationship)
) WITHOUT ROWID;
DELETE FROM list_counts;
INSERT INTO list_counts (partner_id, relationship, row_count)
  SELECT partner_id, relationship, count(*) FROM list_rows WHERE removed_position IS NULL
  GROUP BY partner_id, relationship;
CREATE TRIGGER IF NOT EXISTS list_row_counted AFTER INSERT ON list_rows
  WHEN NEW.removed_position IS NULL BEGIN
  INSERT INTO list_counts (partner_id, relationship, row_count)
    VALUES (NEW.partner_id, NEW.relationship, 1)
    ON CONFLICT (partner_id, relationship) DO UPDATE SET row_count = row_count + 1;
END;
CREATE TRIGGER IF NOT EXISTS list_row_uncounted AFTER UPDATE OF removed_position ON list_rows
  WHEN OLD.removed_position IS NULL AND NEW.removed_position IS NOT NULL BEGIN
  UPDATE list_counts SET row_count = row_count - 1
    WHERE partner_id = NEW.partner_id AND relationship = NEW.relationship;
END;
`;
