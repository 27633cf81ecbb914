import type Database from 'better-sqlite3';
import { ProjectionHarness } from '../testing/projection-harness.js';
import {
  added,
  established,
  removed,
  tagAssigned,
  tagCreated,
  tagDeleted,
  tagUnassigned,
} from './customer-list.fixtures.js';
import { customerListProjection } from './customer-list.projection.js';
import { CUSTOMER_LIST_DEFERRED_SCHEMA } from './customer-list.schema.js';

const P = 'p-1';
const events = [
  added('c-1', 'Contoso', 'contoso.onmicrosoft.com'),
  added('c-2', 'Ómega Šťastný', 'stastny.example'),
  added('c-3', 'Győri Keksz Kft.', 'gyori.hu'),
  established(P, 'c-1'),
  established(P, 'c-1', 'indirect-reseller'),
  established(P, 'c-2'),
  established('p-2', 'c-2'),
  established(P, 'c-3'),
  removed(P, 'c-1'),
  established(P, 'c-1'),
  removed(P, 'c-3'),
  tagCreated(P, 't-1', 'VIP'),
  tagAssigned(P, 'c-1', 't-1'),
  tagAssigned(P, 'c-2', 't-1'),
  tagUnassigned(P, 'c-2', 't-1'),
  tagDeleted(P, 't-1', 'VIP'),
];

/** Every row of every read-model table but the trigram index's own (compared by answers). */
function tables(db: Database.Database): Record<string, unknown[]> {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'list_row_search%'
         AND name <> 'projection_meta'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
  );
}

const objects = (db: Database.Database) =>
  db.prepare('SELECT type, name FROM sqlite_schema ORDER BY name').all();

const answers = (db: Database.Database) =>
  [
    '"ont"',
    '"sta" AND "tas" AND "ast" AND "stn" AND "tny"',
    '"gyo"',
    '"con" OR "ome"',
    '"zzz"',
  ].map((match) =>
    db
      .prepare('SELECT rowid FROM list_row_search WHERE list_row_search MATCH ? ORDER BY rowid')
      .pluck()
      .all(match),
  );

describe('customer list deferred schema', () => {
  it('leaves the same rows, index answers and counters built before the events or after', () => {
    const before = new ProjectionHarness(customerListProjection);
    const after = new ProjectionHarness({ ...customerListProjection, deferredSchema: undefined });
    try {
      before.given(...events);
      after.given(...events);
      after.db.exec(CUSTOMER_LIST_DEFERRED_SCHEMA);
      expect(objects(after.db)).toEqual(objects(before.db));
      expect(tables(after.db)).toEqual(tables(before.db));
      expect(answers(after.db)).toEqual(answers(before.db));
      expect(answers(before.db)[0]).not.toEqual([]);
      const vocabulary = `SELECT * FROM list_row_search_terms ORDER BY term`;
      for (const db of [before.db, after.db]) {
        db.exec(`CREATE VIRTUAL TABLE temp.list_row_search_terms
          USING fts5vocab(main, list_row_search, 'row')`);
      }
      expect(after.db.prepare(vocabulary).all()).toEqual(before.db.prepare(vocabulary).all());
      const counts = 'SELECT * FROM list_counts ORDER BY partner_id, relationship';
      expect(before.db.prepare(counts).all()).toEqual([
        { partner_id: P, relationship: 'direct-reseller', row_count: 2 },
        { partner_id: P, relationship: 'indirect-reseller', row_count: 1 },
        { partner_id: 'p-2', relationship: 'direct-reseller', row_count: 1 },
      ]);
      // Live apply keeps both up: the next events change them alike.
      const more = [added('c-4', 'Fabrikam', 'fabrikam.example'), established(P, 'c-4')];
      before.given(...more);
      after.given(...more);
      expect(tables(after.db)).toEqual(tables(before.db));
      expect(answers(after.db)).toEqual(answers(before.db));
    } finally {
      before.close();
      after.close();
    }
  });
});
