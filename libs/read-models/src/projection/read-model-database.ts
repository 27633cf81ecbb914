import Database from 'better-sqlite3';
import type { Projection } from './projection.js';

/** Marks a SQLite file as a read model of ours (`PRAGMA application_id`): ASCII "CWRM". */
const READ_MODEL_APPLICATION_ID = 0x4357524d;

/** The read model's file holds another projection, or another version of it: rebuild it. */
export class ReadModelVersionMismatch extends Error {
  constructor(file: string, projection: Projection, found: string) {
    super(`${file} holds ${found}, not ${projection.name} v${projection.version}: rebuild it`);
    this.name = 'ReadModelVersionMismatch';
  }
}

export interface OpenForWritingOptions {
  /**
   * A new file gets only `createSchema`, not the projection's `deferredSchema`: the caller
   * (a rebuild) loads every event first, then runs `completeDeferredSchema`.
   */
  readonly deferSchema?: boolean;
}

/**
 * Opens (creating when new) the read-model file of `projection` for writing. WAL with
 * `synchronous=NORMAL`: a power loss may lose the last batches, but rows and checkpoint are
 * lost together (one transaction), so the projection simply re-applies them.
 */
export function openReadModelForWriting(
  file: string,
  projection: Projection,
  options: OpenForWritingOptions = {},
): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // What an erasure overwrites must not linger in free space (see `Projection.erasures`).
    if (projection.erasures?.length) db.pragma('secure_delete = ON');
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId === 0) createMeta(db, projection, options.deferSchema === true);
    else checkMeta(db, file, projection, applicationId);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Folds the WAL into the file and truncates it to nothing, so no page written before (an
 * erased value among them) is left in it. Waits (busy timeout) for readers on older snapshots;
 * false when one still holds it, and the caller tries again later.
 */
export function truncateWal(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}

export interface OpenForReadingOptions {
  /**
   * Bytes of the file the connection maps into memory (`PRAGMA mmap_size`; 0, the default,
   * reads through system calls). A query connection reads pages all over its file: mapped,
   * a page it does not hold in its own cache is a memory access instead of a `read` and a copy
   * (the full-size list search mix answered in half the time). SQLite caps it at ~2 GiB.
   * Safe here because a read model's file never shrinks (no `VACUUM`), and a file unlinked
   * after a rebuild stays mapped until its connection closes.
   */
  readonly mapBytes?: number;
}

/** A read-only connection for queries (WAL: it never blocks the projection's writes). */
export function openReadModelForReading(
  file: string,
  options: OpenForReadingOptions = {},
): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  if (options.mapBytes) db.pragma(`mmap_size = ${Math.trunc(options.mapBytes)}`);
  return db;
}

/** The global position of the last event applied, or undefined before the first one. */
export function readCheckpoint(db: Database.Database): bigint | undefined {
  const value = db
    .prepare<[], bigint | null>('SELECT checkpoint FROM projection_meta')
    .pluck()
    .safeIntegers(true)
    .get();
  return value === null || value === undefined ? undefined : value;
}

/** Creates and fills the projection's `deferredSchema` (after a load made without it). */
export function completeDeferredSchema(db: Database.Database, projection: Projection): void {
  const sql = projection.deferredSchema;
  if (sql !== undefined) db.transaction(() => db.exec(sql)).immediate();
}

function createMeta(db: Database.Database, projection: Projection, deferSchema: boolean): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE projection_meta (
      name TEXT NOT NULL, version INTEGER NOT NULL, checkpoint INTEGER,
      events_applied INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT)`);
    db.prepare('INSERT INTO projection_meta (name, version, created_at) VALUES (?, ?, ?)').run(
      projection.name,
      projection.version,
      new Date().toISOString(),
    );
    projection.createSchema(db);
    if (!deferSchema && projection.deferredSchema !== undefined) db.exec(projection.deferredSchema);
    db.pragma(`application_id = ${READ_MODEL_APPLICATION_ID}`);
  })();
}

function checkMeta(
  db: Database.Database,
  file: string,
  projection: Projection,
  applicationId: number,
): void {
  if (applicationId !== READ_MODEL_APPLICATION_ID) {
    throw new ReadModelVersionMismatch(file, projection, 'another application’s database');
  }
  const meta = db.prepare('SELECT name, version FROM projection_meta').get() as
    { name: string; version: number } | undefined;
  if (meta?.name !== projection.name || meta.version !== projection.version) {
    const found = meta ? `${meta.name} v${meta.version}` : 'no projection';
    throw new ReadModelVersionMismatch(file, projection, found);
  }
}
