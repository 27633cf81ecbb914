import type Database from 'better-sqlite3';
import type { ActivityLogEntry } from './activity-log.entry.js';

/** The dimensions `activity_counts` counts entries by; '' counts all of a partner's entries. */
export type CountedDimension = '' | 'action' | 'customer' | 'user';

/** The UTC day (`YYYY-MM-DD`) of a stored `occurred_at`. */
export const dayOf = (occurredAt: string): string => occurredAt.slice(0, 10);

/** The values the `user` filter matches an entry by: its user id and its UPN (once if equal). */
export const usersOf = (entry: ActivityLogEntry): string[] => [
  ...new Set([entry.performedBy.userId, entry.performedBy.upn]),
];

/**
 * Prepares the upkeep of the statistics the queries plan with (see `ACTIVITY_LOG_SCHEMA`):
 * called for every entry inserted, in the same transaction, so they are exact.
 */
export function prepareTallies(db: Database.Database): (entry: ActivityLogEntry) => void {
  const count = db.prepare<[string, CountedDimension, string]>(
    `INSERT INTO activity_counts (partner_id, dimension, value, entries) VALUES (?, ?, ?, 1)
     ON CONFLICT (partner_id, dimension, value) DO UPDATE SET entries = entries + 1`,
  );
  const user = db.prepare<[string, string, bigint, string, string]>(
    `INSERT INTO activity_users (partner_id, user, position, action, occurred_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const day = db.prepare<[string, string, bigint, bigint]>(
    `INSERT INTO activity_days (partner_id, day, entries, first_position, last_position)
     VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (partner_id, day) DO UPDATE SET entries = entries + 1,
       first_position = min(first_position, excluded.first_position),
       last_position = max(last_position, excluded.last_position)`,
  );
  return (entry) => {
    const { partnerId, position } = entry;
    count.run(partnerId, '', '');
    count.run(partnerId, 'action', entry.action);
    if (entry.customerId !== null) count.run(partnerId, 'customer', entry.customerId);
    for (const value of usersOf(entry)) {
      count.run(partnerId, 'user', value);
      user.run(partnerId, value, position, entry.action, entry.occurredAt);
    }
    day.run(partnerId, dayOf(entry.occurredAt), position, position);
  };
}
