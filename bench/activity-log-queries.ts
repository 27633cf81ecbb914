import type Database from 'better-sqlite3';
import type { ActivityLogFilter } from '@customer-workspace/read-models';
import { BIG_PARTNER } from './big-partner.steps.js';

/** A filter of the mix over one partner's log, named for the per-shape figures. */
export interface ActivityQuery {
  readonly label: string;
  readonly partnerId: string;
  readonly filter: ActivityLogFilter;
}

/** The big partner, the largest direct-bill partners, a small one, the provider, a reseller. */
const PARTNERS = [
  BIG_PARTNER,
  'p-direct-01',
  'p-direct-02',
  'p-direct-09',
  'p-provider',
  'p-reseller-2',
];

const DAY_MS = 24 * 3600 * 1000;
const dayStart = (day: string, plusDays = 0): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + plusDays * DAY_MS).toISOString();

/** Values of one dimension of a partner's log: the busiest, and one from the middle. */
function values(db: Database.Database, partnerId: string, dimension: string, where = '1 = 1') {
  const rows = db
    .prepare(
      `SELECT value FROM activity_counts WHERE partner_id = ? AND dimension = ? AND ${where}
       ORDER BY entries DESC, value`,
    )
    .pluck()
    .all(partnerId, dimension) as string[];
  return { busiest: rows[0], middle: rows[Math.floor(rows.length / 2)], rarest: rows.at(-1) };
}

/** The first and last day of a partner's log. */
function days(db: Database.Database, partnerId: string): { first: string; last: string } {
  return db
    .prepare('SELECT min(day) AS first, max(day) AS last FROM activity_days WHERE partner_id = ?')
    .get(partnerId) as { first: string; last: string };
}

/**
 * The filter mix, per partner: none; by customer, action, user (id and UPN), time range (a
 * day, a week, a month, open-ended both ways); and their combinations.
 */
export function activityQueries(db: Database.Database): ActivityQuery[] {
  return PARTNERS.flatMap((partnerId) => {
    const customer = values(db, partnerId, 'customer');
    const action = values(db, partnerId, 'action');
    const userId = values(db, partnerId, 'user', "value NOT LIKE '%@%'").middle;
    const upn = values(db, partnerId, 'user', "value LIKE '%@%'").busiest;
    const { first, last } = days(db, partnerId);
    if (!first || !last) return [];
    const middle = new Date((Date.parse(first) + Date.parse(last)) / 2).toISOString().slice(0, 10);
    const day = { from: dayStart(middle), to: dayStart(middle, 1) };
    const week = { from: dayStart(middle), to: dayStart(middle, 7) };
    const month = { from: dayStart(middle, -30), to: dayStart(middle) };
    const shapes: [string, Record<string, string | undefined>][] = [
      ['none', {}],
      ['customer (busiest)', { customerId: customer.busiest }],
      ['customer', { customerId: customer.middle }],
      ['action (commonest)', { action: action.busiest }],
      ['action (rarest)', { action: action.rarest }],
      ['user id', { user: userId }],
      ['user upn', { user: upn }],
      ['day', day],
      ['week', week],
      ['month', month],
      ['from (last 90 days)', { from: dayStart(last, -90) }],
      ['to (first 30 days)', { to: dayStart(first, 30) }],
      ['customer + action', { customerId: customer.busiest, action: action.busiest }],
      ['action + month', { action: action.busiest, ...month }],
      ['action (rarest) + week', { action: action.rarest, ...week }],
      ['user + week', { user: upn, ...week }],
      ['user + action', { user: userId, action: action.middle }],
      ['customer + user', { customerId: customer.middle, user: upn }],
      ['action + user + month', { action: action.busiest, user: upn, ...month }],
      ['customer + day', { customerId: customer.busiest, ...day }],
    ];
    return shapes.map(([label, filter]) => ({
      label: `${partnerId} ${label}`,
      partnerId,
      filter: Object.fromEntries(
        Object.entries(filter).filter(([, value]) => value !== undefined),
      ) as ActivityLogFilter,
    }));
  });
}
