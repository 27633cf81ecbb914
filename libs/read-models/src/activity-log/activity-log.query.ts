import type Database from 'better-sqlite3';
import type { ActivityLogItem } from './activity-log.entry.js';
import type { ActivityLogFilter } from './activity-log.filter.js';
import { ITEM_COLUMNS, type ItemRow, itemOf } from './activity-log.item.js';
import { type ActivityLogPlan, planActivityQuery } from './activity-log.plan.js';
import { plannedSelect } from './activity-log.select.js';
import { prepared, scalar } from './activity-log.statements.js';
import { countWithin } from './activity-log.time.js';

/** Largest page of `GET /v1/activity-logs` (docs/api.md#paging) and the default one. */
export const MAX_ACTIVITY_PAGE = 500;
export const DEFAULT_ACTIVITY_PAGE = 50;

export interface ActivityLogPageRequest {
  /** 1 to `MAX_ACTIVITY_PAGE`. */
  readonly limit: number;
  /** The `nextCursor` of the previous page: entries strictly older than this position follow. */
  readonly before?: bigint;
}

/** One page of a partner's log, newest first; `total` counts every matching entry. */
export interface ActivityLogPage {
  readonly items: ActivityLogItem[];
  /** The position of the page's last entry (a decimal string) when more follow, else null. */
  readonly nextCursor: string | null;
  readonly total: number;
}

/**
 * A page of `partnerId`'s activity log matching `filter`, newest first (by global position).
 * Paging by position is stable: entries added meanwhile are newer than any cursor, so a walk
 * returns every entry that existed when it started exactly once.
 */
export function queryActivityLog(
  db: Database.Database,
  partnerId: string,
  filter: ActivityLogFilter,
  page: ActivityLogPageRequest,
): ActivityLogPage {
  const plan = planActivityQuery(db, partnerId, filter);
  if (plan.empty) return { items: [], nextCursor: null, total: 0 };
  const select = plannedSelect(plan, partnerId, filter, { before: page.before });
  const sql = `SELECT ${ITEM_COLUMNS} ${select.body} ORDER BY ${select.position} DESC LIMIT @limit`;
  const rows = prepared(db, sql).all({ ...select.params, limit: page.limit + 1 }) as ItemRow[];
  const items = rows.slice(0, page.limit).map(itemOf);
  return {
    items,
    nextCursor: rows.length > page.limit ? (items.at(-1)?.position ?? null) : null,
    total: totalOf(db, partnerId, filter, plan),
  };
}

/** The largest position a row can hold (SQLite integers are signed 64-bit). */
const MAX_STORED_POSITION = 2n ** 63n - 1n;

/**
 * The entry of `partnerId`'s log at global `position` (`GET /v1/activity-logs/{position}`), or
 * undefined when its log has none there: another partner's entry is none of its own.
 */
export function activityLogEntryAt(
  db: Database.Database,
  partnerId: string,
  position: bigint,
): ActivityLogItem | undefined {
  if (position < 0n || position > MAX_STORED_POSITION) return undefined;
  const sql = `SELECT ${ITEM_COLUMNS} FROM activity_entries e INDEXED BY activity_by_partner
    WHERE e.partner_id = @partnerId AND e.position = @position`;
  const row = prepared(db, sql).get({ partnerId, position }) as ItemRow | undefined;
  return row === undefined ? undefined : itemOf(row);
}

/**
 * The number of matching entries: from the statistics when at most one equality filter (or
 * only a time range) is given, else by counting along the plan's index.
 */
function totalOf(
  db: Database.Database,
  partnerId: string,
  filter: ActivityLogFilter,
  plan: ActivityLogPlan,
): number {
  const equalities = [filter.customerId, filter.action, filter.user].filter(
    (value) => value !== undefined,
  ).length;
  const timed = filter.from !== undefined || filter.to !== undefined;
  if (filter.upTo === undefined && equalities <= 1 && !timed) return plan.driverEntries;
  if (filter.upTo === undefined && equalities === 0) {
    return countWithin(db, partnerId, filter.from, filter.to);
  }
  const select = plannedSelect(plan, partnerId, filter, { entries: false });
  return Number(scalar(db, `SELECT count(*) ${select.body}`, select.params));
}
