import type Database from 'better-sqlite3';
import type { ActivityLogFilter } from './activity-log.filter.js';
import { scalar } from './activity-log.statements.js';
import type { CountedDimension } from './activity-log.tallies.js';
import { positionsWithin } from './activity-log.time.js';

/** The index a query walks: a partner's entries, or those of one customer, action or user. */
export type Driver = 'partner' | 'customer' | 'action' | 'user';

/**
 * How to answer a filter, chosen with exact statistics rather than SQLite's guesses (it keeps
 * none for a read model that grows by appends): walk the index of the equality filter with
 * the fewest entries, between the positions a time range allows, newest first.
 */
export interface ActivityLogPlan {
  /** Some filter matches nothing: no query needed. */
  readonly empty: boolean;
  readonly driver: Driver;
  /** How many entries the driver's index holds for this partner (and value). */
  readonly driverEntries: number;
  /** Positions every match lies between (inclusive), from a time range and `upTo`. */
  readonly low?: bigint;
  readonly high?: bigint;
}

const DIMENSIONS = [
  ['customer', 'customer', 'customerId'],
  ['action', 'action', 'action'],
  ['user', 'user', 'user'],
] as const satisfies readonly (readonly [Driver, CountedDimension, keyof ActivityLogFilter])[];

/** The plan for `filter` over `partnerId`'s entries. */
export function planActivityQuery(
  db: Database.Database,
  partnerId: string,
  filter: ActivityLogFilter,
): ActivityLogPlan {
  let driver: Driver = 'partner';
  let driverEntries = entriesOf(db, partnerId, '', '');
  for (const [candidate, dimension, field] of DIMENSIONS) {
    const value = filter[field];
    if (typeof value !== 'string') continue;
    const entries = entriesOf(db, partnerId, dimension, value);
    if (driver === 'partner' || entries < driverEntries)
      [driver, driverEntries] = [candidate, entries];
  }
  const empty = { empty: true, driver, driverEntries } as const;
  if (driverEntries === 0) return empty;
  if (filter.from === undefined && filter.to === undefined) {
    return { empty: false, driver, driverEntries, high: filter.upTo };
  }
  const within = positionsWithin(db, partnerId, filter.from, filter.to);
  if (within === undefined) return empty;
  const high = filter.upTo !== undefined && filter.upTo < within.high ? filter.upTo : within.high;
  return { empty: false, driver, driverEntries, low: within.low, high };
}

function entriesOf(
  db: Database.Database,
  partnerId: string,
  dimension: CountedDimension,
  value: string,
): number {
  const sql = `SELECT entries FROM activity_counts
    WHERE partner_id = @partnerId AND dimension = @dimension AND value = @value`;
  return Number(scalar(db, sql, { partnerId, dimension, value }) ?? 0);
}
