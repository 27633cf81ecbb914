import type Database from 'better-sqlite3';

export interface StatementCacheOptions {
  /** Statements read integers as bigints (positions). */
  readonly safeIntegers?: boolean;
  /** Runs once per connection, at its first statement (e.g. the page cache its queries need). */
  readonly configure?: (db: Database.Database) => void;
}

/**
 * `sql` prepared once per connection and SQL text: a read model's filters combine into a
 * bounded number of distinct statements, each prepared on first use.
 */
export function statementCache(options: StatementCacheOptions = {}) {
  const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
  return (db: Database.Database, sql: string): Database.Statement => {
    let statements = cache.get(db);
    if (!statements) {
      options.configure?.(db);
      cache.set(db, (statements = new Map()));
    }
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (options.safeIntegers) statement.safeIntegers(true);
      statements.set(sql, statement);
    }
    return statement;
  };
}
