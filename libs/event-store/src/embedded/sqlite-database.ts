import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventStoreStartupError } from '../event-store.errors.js';

/** Marks a SQLite file as ours (`PRAGMA application_id`): ASCII "CWES". */
export const EVENTS_APPLICATION_ID = 0x43574553;
export const EVENTS_FILE_NAME = 'events.db';

/** `synchronous` levels we accept: FULL is the default (see the README's durability section). */
export type SynchronousLevel = 'NORMAL' | 'FULL' | 'EXTRA';

/** Forward-only schema migrations; index i upgrades the schema from version i to i + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position   INTEGER PRIMARY KEY,
     event_id   TEXT    NOT NULL UNIQUE,
     stream_id  TEXT    NOT NULL,
     revision   INTEGER NOT NULL,
     type       TEXT    NOT NULL,
     data       TEXT    NOT NULL,
     metadata   TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   );`,
];
export const EVENTS_SCHEMA_VERSION = MIGRATIONS.length;

/** Creates (if needed) and checks the data directory; the error names the path. */
export function ensureWritableDirectory(dir: string): string {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new EventStoreStartupError(
      `Data directory ${path} cannot be created or written: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return path;
}

/**
 * Opens the event database in `dir`, creating it when absent and migrating it forward.
 * Refuses, without writing anything, a file that is not SQLite, another application's
 * database, or a schema newer than this code knows.
 */
export function openEventDatabase(
  dir: string,
  synchronous: SynchronousLevel = 'FULL',
): Database.Database {
  const file = join(ensureWritableDirectory(dir), EVENTS_FILE_NAME);
  const existed = existsSync(file);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw new EventStoreStartupError(`Cannot open ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    if (existed) checkOwnership(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof EventStoreStartupError) throw error;
    throw new EventStoreStartupError(`Cannot use ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function checkOwnership(db: Database.Database, file: string): void {
  let applicationId: number;
  let tables: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n;
  } catch (error) {
    throw new EventStoreStartupError(
      `${file} is not a Customer Workspace event database (${(error as Error).message}); it was left untouched`,
      { cause: error },
    );
  }
  if (applicationId !== EVENTS_APPLICATION_ID && tables > 0) {
    throw new EventStoreStartupError(
      `${file} is a SQLite database of another application (application_id ${applicationId}); it was left untouched`,
    );
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > EVENTS_SCHEMA_VERSION) {
    throw new EventStoreStartupError(
      `${file} has event schema version ${version}, newer than this build knows (${EVENTS_SCHEMA_VERSION}); upgrade the application`,
    );
  }
}

function migrate(db: Database.Database): void {
  // Up to date: take no write lock, so a CLI can open the store beside a busy api.
  if ((db.pragma('user_version', { simple: true }) as number) === MIGRATIONS.length) return;
  const run = db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    for (let version = from; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] as string);
    }
    db.pragma(`application_id = ${EVENTS_APPLICATION_ID}`);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  run.immediate();
}
