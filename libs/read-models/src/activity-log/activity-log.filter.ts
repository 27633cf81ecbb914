import type { ActivityLogFilters } from '@customer-workspace/customers';
import type { ActivityLogAction } from './activity-log.entry.js';

/**
 * Which entries of one partner's log a query or export wants; every filter is optional and
 * they combine (AND). `from` is inclusive, `to` exclusive, both ISO instants as
 * `activityLogInstant` gives them. `user` matches the performer's user id or UPN.
 */
export interface ActivityLogFilter {
  readonly from?: string;
  readonly to?: string;
  readonly customerId?: string;
  readonly action?: ActivityLogAction;
  readonly user?: string;
  /** Only entries at or before this position (an export's snapshot bound). */
  readonly upTo?: bigint;
}

/** A date (`2026-11-21`, midnight UTC) or a date-time with its offset (`…T10:00:00Z`). */
const ISO_DATE_OR_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant a `from` / `to` parameter names, in the form entries store (`toISOString`), or
 * undefined when it is no ISO date or date-time. A date-time must state its offset: a local
 * time would mean different instants on different servers.
 */
export function activityLogInstant(value: string): string | undefined {
  if (!ISO_DATE_OR_DATE_TIME.test(value)) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time) || !isCalendarDate(value.slice(0, 10))) return undefined;
  return new Date(time).toISOString();
}

/** Date.parse rolls 2026-02-30 over into March: a day the month does not have is refused. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** Filters as a caller gives them (the api's query, the CLI's options), already checked. */
export interface GivenActivityLogFilters extends ActivityLogFilters {
  readonly action?: ActivityLogAction;
}

/** The read model's filter: instants normalised as entries store them. */
export function activityLogFilterOf(given: GivenActivityLogFilters): ActivityLogFilter {
  return {
    ...(given.from !== undefined && { from: activityLogInstant(given.from) }),
    ...(given.to !== undefined && { to: activityLogInstant(given.to) }),
    ...(given.customerId !== undefined && { customerId: given.customerId }),
    ...(given.action !== undefined && { action: given.action }),
    ...(given.user !== undefined && { user: given.user }),
  };
}

/** The filters as the caller gave them, for the export's record in the log. */
export function recordedFiltersOf(given: GivenActivityLogFilters): ActivityLogFilters {
  const { from, to, customerId, action, user } = given;
  return Object.fromEntries(
    Object.entries({ from, to, customerId, action, user }).filter(([, v]) => v !== undefined),
  );
}
