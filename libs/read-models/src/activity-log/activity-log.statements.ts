import type Database from 'better-sqlite3';
import { statementCache } from '../projection/statement-cache.js';

/** `sql` prepared once per connection, reading integers as bigints (positions). */
export const prepared = statementCache({ safeIntegers: true });

/** The single value of a one-column, one-row query (undefined when there is no row). */
export function scalar(db: Database.Database, sql: string, params: object): unknown {
  const row = prepared(db, sql).raw(true).get(params) as unknown[] | undefined;
  return row?.[0];
}
