import type Database from 'better-sqlite3';
import { prepared, scalar } from './activity-log.statements.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `ms` in the stored form. */
const instant = (ms: number): string => new Date(ms).toISOString();

/** Day starts at or after / at or before an instant. */
const ceilDay = (at: string): string => instant(Math.ceil(Date.parse(at) / DAY_MS) * DAY_MS);
const floorDay = (at: string): string => instant(Math.floor(Date.parse(at) / DAY_MS) * DAY_MS);

/**
 * The positions every entry of `partnerId` in [from, to) lies between (inclusive), from the
 * per-day first and last positions; undefined when no entry can be in the range. Exact: an
 * entry's day is in the range's days, so its position is within those days' bounds.
 */
export function positionsWithin(
  db: Database.Database,
  partnerId: string,
  from: string | undefined,
  to: string | undefined,
): { low: bigint; high: bigint } | undefined {
  const sql = `SELECT min(first_position), max(last_position) FROM activity_days
    WHERE partner_id = @partnerId AND day >= @firstDay AND day <= @lastDay`;
  const row = prepared(db, sql)
    .raw(true)
    .get({
      partnerId,
      firstDay: from === undefined ? '' : from.slice(0, 10),
      // `to` is exclusive: the last day that can hold an entry is the one of the instant before.
      lastDay: to === undefined ? '~' : instant(Date.parse(to) - 1).slice(0, 10),
    }) as [bigint | null, bigint | null];
  const [low, high] = row;
  return low === null || high === null ? undefined : { low, high };
}

/**
 * How many of `partnerId`'s entries occurred in [from, to): whole days from the per-day
 * counts, the partial days at either end by the time index (at most a day of entries each).
 */
export function countWithin(
  db: Database.Database,
  partnerId: string,
  from: string | undefined,
  to: string | undefined,
): number {
  const inner = {
    from: from === undefined ? undefined : ceilDay(from),
    to: to === undefined ? undefined : floorDay(to),
  };
  if (inner.from !== undefined && inner.to !== undefined && inner.from >= inner.to) {
    return countBetween(db, partnerId, from, to);
  }
  return (
    (from === undefined ? 0 : countBetween(db, partnerId, from, inner.from)) +
    countDays(db, partnerId, inner.from, inner.to) +
    (to === undefined ? 0 : countBetween(db, partnerId, inner.to, to))
  );
}

function countBetween(
  db: Database.Database,
  partnerId: string,
  from: string | undefined,
  to: string | undefined,
): number {
  const sql = `SELECT count(*) FROM activity_entries INDEXED BY activity_by_time
    WHERE partner_id = @partnerId AND occurred_at >= @from AND occurred_at < @to`;
  return Number(scalar(db, sql, { partnerId, from: from ?? '', to: to ?? '~' }));
}

function countDays(
  db: Database.Database,
  partnerId: string,
  from: string | undefined,
  to: string | undefined,
): number {
  const sql = `SELECT coalesce(sum(entries), 0) FROM activity_days
    WHERE partner_id = @partnerId AND day >= @firstDay AND day < @endDay`;
  const firstDay = from === undefined ? '' : from.slice(0, 10);
  const endDay = to === undefined ? '~' : to.slice(0, 10);
  return Number(scalar(db, sql, { partnerId, firstDay, endDay }));
}
