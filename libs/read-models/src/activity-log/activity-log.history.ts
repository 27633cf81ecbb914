import { openReadModelForReading } from '../projection/read-model-database.js';
import type { ActivityLogItem } from './activity-log.entry.js';
import { ITEM_COLUMNS, type ItemRow, itemOf } from './activity-log.item.js';

/**
 * A partner's whole activity log oldest first, up to and including position `upTo`, as the api
 * shows each entry: what an audit bundle proves entry by entry. Read on a connection of its own
 * (one snapshot) only as fast as the consumer takes the entries, so memory does not grow with
 * the log; the connection closes when the iteration ends, however it ends.
 */
export function* activityLogInOrder(
  file: string,
  partnerId: string,
  upTo: bigint,
): Generator<ActivityLogItem> {
  const db = openReadModelForReading(file);
  try {
    const statement = db
      .prepare(
        `SELECT ${ITEM_COLUMNS} FROM activity_entries e INDEXED BY activity_by_partner
         WHERE e.partner_id = ? AND e.position <= ? ORDER BY e.position`,
      )
      .safeIntegers(true);
    for (const row of statement.iterate(partnerId, upTo)) yield itemOf(row as ItemRow);
  } finally {
    db.close();
  }
}
