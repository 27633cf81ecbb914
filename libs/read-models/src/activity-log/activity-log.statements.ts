import type Database from 'better-sqlite3';

/** Statements of each connection by SQL text: filters combine into a few dozen distinct ones. */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** `sql` prepared once per connection, reading integers as bigints (positions). */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql).safeIntegers(true);
    statements.set(sql, statement);
  }
  return statement;
}

/** The single value of a one-column, one-row query (undefined when there is no row). */
export function scalar(db: Database.Database, sql: string, params: object): unknown {
  const row = prepared(db, sql).raw(true).get(params) as unknown[] | undefined;
  return row?.[0];
}
