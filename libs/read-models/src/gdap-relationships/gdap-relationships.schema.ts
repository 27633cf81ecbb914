/**
 * The GDAP read model's tables. One row per relationship, its settings and the instants of its
 * lifecycle as its events recorded them (canonical ISO instants, so text order is time order);
 * `auto_extends`: it extends at its end date-time (P180D and no Global Administrator). One row
 * per access assignment, `deleted_at` set when it was withdrawn.
 */
export const GDAP_RELATIONSHIPS_SCHEMA = `
CREATE TABLE gdap_relationships (
  seq                  INTEGER PRIMARY KEY,
  relationship_id      TEXT NOT NULL UNIQUE,
  partner_id           TEXT NOT NULL,
  customer_id          TEXT,
  display_name         TEXT NOT NULL,
  status               TEXT NOT NULL,
  duration             TEXT NOT NULL,
  auto_extend_duration TEXT NOT NULL,
  auto_extends         INTEGER NOT NULL,
  roles                TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  requested_at         TEXT,
  expires_at           TEXT,
  activated_at         TEXT,
  end_date_time        TEXT,
  ended_at             TEXT,
  ended_because        TEXT,
  last_modified        TEXT NOT NULL,
  position             INTEGER NOT NULL
);
CREATE INDEX gdap_relationships_by_partner ON gdap_relationships (partner_id, seq);
CREATE INDEX gdap_relationships_by_customer ON gdap_relationships (partner_id, customer_id, seq);

CREATE TABLE gdap_access_assignments (
  relationship_id      TEXT NOT NULL,
  access_assignment_id TEXT NOT NULL,
  security_group_id    TEXT NOT NULL,
  roles                TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  deleted_at           TEXT,
  PRIMARY KEY (relationship_id, access_assignment_id)
) WITHOUT ROWID;
`;
