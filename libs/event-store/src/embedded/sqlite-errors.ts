import { AppError, EventStoreUnavailable } from '../event-store.errors.js';

/** SQLite result codes that mean the storage refuses writes (disk full, read-only, I/O). */
const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PERM)/;

/** Maps a SQLite failure to the port's errors; our own errors pass through. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STORAGE_CODES.test(code)) {
    return new EventStoreUnavailable(
      'storage',
      `Event storage refused the operation (${code}): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return error;
}
