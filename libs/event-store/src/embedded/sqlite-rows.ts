import type { AllFilter } from '../event-store.port.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';

/** One row of the `events` table as better-sqlite3 returns it. */
export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    data: parsed(row, 'data'),
    metadata: metadataOf(row),
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
  };
}

/** `toRecordedEvent` with the stored text of its data and metadata (`storedJson`). */
export function toRecordedEventWithJson(row: EventRow): RecordedEvent {
  return { ...toRecordedEvent(row), storedJson: { data: row.data, metadata: row.metadata } };
}

/** The stored metadata: a JSON object, or the row was not written through this event store. */
function metadataOf(row: EventRow): NewEvent['metadata'] {
  const metadata = parsed(row, 'metadata');
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata))
    return metadata as NewEvent['metadata'];
  throw unreadable(row, 'metadata', 'it is not a JSON object');
}

function parsed(row: EventRow, column: 'data' | 'metadata'): unknown {
  try {
    return JSON.parse(row[column]) as unknown;
  } catch (error) {
    throw unreadable(row, column, (error as Error).message);
  }
}

function unreadable(row: EventRow, column: string, why: string): Error {
  return new Error(
    `Event ${row.event_id} at position ${row.position} (${row.stream_id}) has unreadable ${column}: ${why}; it was not written through this event store`,
  );
}

/** SQL condition and parameters for an `$all` filter (exact prefixes, case-sensitive). */
export function filterClause(filter: AllFilter | undefined): { sql: string; params: string[] } {
  if (!filter) return { sql: '1 = 1', params: [] };
  const [column, prefixes] =
    'streamNamePrefixes' in filter
      ? ['stream_id', filter.streamNamePrefixes]
      : ['type', filter.eventTypePrefixes];
  if (prefixes.length === 0) return { sql: '1 = 0', params: [] };
  const sql = prefixes.map(() => `substr(${column}, 1, length(?)) = ?`).join(' OR ');
  return { sql: `(${sql})`, params: prefixes.flatMap((prefix) => [prefix, prefix]) };
}
