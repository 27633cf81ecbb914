import { AppError } from '@customer-workspace/kernel';
import { EventStoreUnavailable } from '../event-store.errors.js';

/**
 * SQLite result codes (extended codes included: `SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DBMOVED`,
 * ...) that mean the storage cannot serve the operation now, each with what the operator
 * should do. Retrying after the fix succeeds: the store keeps no state of a failed write.
 */
const STORAGE_FAULTS: readonly (readonly [RegExp, string])[] = [
  [/^SQLITE_FULL/, 'the disk holding the data directory is full; free space, then retry'],
  [
    /^SQLITE_(READONLY|PERM|CANTOPEN)/,
    'the data directory or the events file is not writable; make it writable, then retry',
  ],
  [/^SQLITE_IOERR/, 'the disk reported an I/O error; check the data directory’s disk'],
  [/^SQLITE_(BUSY|LOCKED)/, 'the events file is locked by another process; retry shortly'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'the events file is damaged; restore it from a backup'],
  [/^SQLITE_NOMEM/, 'SQLite ran out of memory; retry shortly'],
];

/**
 * After a disk-full or I/O error inside a transaction SQLite may roll the whole transaction
 * back on its own; the `COMMIT` that follows then fails with this plain `SQLITE_ERROR`.
 */
const ABORTED_TRANSACTION = /no transaction is active/;

/**
 * Maps a SQLite failure to the port's errors: storage faults become
 * `EventStoreUnavailable('storage')` (503 at the api) with a message naming the fault and the
 * remedy. Our own errors and anything else (programming errors) pass through unchanged.
 */
export function toStorageError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const remedy = typeof code === 'string' ? remedyFor(code, String(message)) : undefined;
  if (remedy === undefined) return error;
  return new EventStoreUnavailable('storage', `Event storage is unavailable: ${remedy} (${code})`, {
    cause: error,
  });
}

function remedyFor(code: string, message: string): string | undefined {
  const fault = STORAGE_FAULTS.find(([pattern]) => pattern.test(code));
  if (fault) return fault[1];
  if (code === 'SQLITE_ERROR' && ABORTED_TRANSACTION.test(message)) {
    return 'SQLite aborted the write after a storage fault (disk full or I/O error); retry shortly';
  }
  return undefined;
}
