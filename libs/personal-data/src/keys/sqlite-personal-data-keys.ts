import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writableDataDirectory } from '@customer-workspace/config';
import { KeyCache } from './key-cache.js';
import {
  type DataKey,
  type KeyLookup,
  PersonalDataKeyMissing,
  type PersonalDataKeys,
} from './personal-data-keys.js';

export const PERSONAL_DATA_KEYS_FILE = 'personal-data-keys.db';
/** Marks the file as ours (`PRAGMA application_id`): ASCII "CWPK". */
const APPLICATION_ID = 0x4357504b;
const KEY_BYTES = 32;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS data_keys (
  key_id       TEXT PRIMARY KEY,
  subject_id   TEXT NOT NULL,
  key          BLOB,
  state        TEXT NOT NULL CHECK (state IN ('live', 'retired', 'destroyed')),
  created_at   TEXT NOT NULL,
  destroyed_at TEXT,
  CHECK ((state = 'destroyed') = (key IS NULL))
);
CREATE INDEX IF NOT EXISTS data_keys_by_subject ON data_keys (subject_id, state);
CREATE TABLE IF NOT EXISTS erasure_checkpoint (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  position TEXT NOT NULL
);`;

/** The key store's file is busy: its WAL could not be truncated yet (a reader holds it). */
export class KeyStoreBusy extends Error {
  constructor(file: string) {
    super(`${file} is held by another connection: the destroyed keys' old pages are not gone yet`);
    this.name = 'KeyStoreBusy';
  }
}

export interface SqlitePersonalDataKeysOptions {
  /** Keys kept in memory (least recently used dropped). Default 10,000. */
  readonly cachedKeys?: number;
}

/**
 * The embedded key store: `DATA_DIR/personal-data-keys.db`, one machine's. Durable
 * (`synchronous=FULL`: a key is on disk before the event it sealed is appended) and deleting
 * for real: `secure_delete` zeroes what a destroy overwrites, and the WAL is truncated after
 * it, so no copy of a destroyed key is left in the file, its WAL or its free pages.
 *
 * Keys are cached; any change another connection commits (`PRAGMA data_version`) empties the
 * cache, so a key destroyed by another process (a CLI, a second api on the same files) is
 * never served from it.
 */
export class SqlitePersonalDataKeys implements PersonalDataKeys {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly cache: KeyCache;
  private readonly sql;
  private dataVersion: number;
  private lookedAt = -Infinity;

  constructor(dataDir: string, options: SqlitePersonalDataKeysOptions = {}) {
    this.file = join(writableDataDirectory(dataDir), PERSONAL_DATA_KEYS_FILE);
    this.db = openKeyDatabase(this.file);
    this.cache = new KeyCache(options.cachedKeys ?? 10_000);
    this.sql = statements(this.db);
    this.dataVersion = this.sql.dataVersion.get() as number;
  }

  async keyFor(subjectId: string): Promise<DataKey> {
    this.forgetOthersChanges();
    const cached = this.cache.liveKey(subjectId);
    if (cached) return cached;
    const key = this.db
      .transaction(() => this.liveKey(subjectId) ?? this.newKey(subjectId))
      .immediate();
    this.cache.remember(key, subjectId);
    return key;
  }

  async keyById(keyId: string): Promise<KeyLookup> {
    this.forgetOthersChanges();
    const cached = this.cache.lookup(keyId);
    if (cached) return cached;
    const row = this.sql.byId.get(keyId);
    if (row === undefined) throw new PersonalDataKeyMissing(keyId);
    const lookup: KeyLookup =
      row.key === null ? { keyId, destroyed: true } : { keyId, key: row.key };
    this.cache.remember(lookup);
    return lookup;
  }

  async retire(subjectId: string): Promise<void> {
    this.sql.retire.run(subjectId);
    this.cache.forgetLive(subjectId);
  }

  async destroy(subjectId: string, keyIds: readonly string[]): Promise<number> {
    const now = new Date().toISOString();
    const destroyed = this.db
      .transaction(() =>
        keyIds.filter((id) => this.sql.destroy.run(now, id, subjectId).changes > 0),
      )
      .immediate();
    for (const keyId of destroyed) this.cache.remember({ keyId, destroyed: true });
    this.cache.forgetLive(subjectId);
    // Always, even when nothing was left to destroy: an earlier destroy may have committed
    // without its truncation (a reader held the WAL, or the process died in between).
    this.truncateWal();
    return destroyed.length;
  }

  async hasDestroyed(subjectId: string): Promise<boolean> {
    return this.sql.hasDestroyed.get(subjectId) !== undefined;
  }

  async erasuresHandled(): Promise<bigint | undefined> {
    const position = this.sql.checkpoint.get();
    return position === undefined ? undefined : BigInt(position);
  }

  async recordErasuresHandled(position: bigint): Promise<void> {
    this.sql.saveCheckpoint.run(position.toString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Another connection committed since we last looked: what we cached may be stale. Looked at
   * once per millisecond at most (a look costs tens of µs on a file in WAL mode): a key another
   * process destroyed is no longer served a millisecond after, as if the read had come first.
   */
  private forgetOthersChanges(): void {
    const now = performance.now();
    if (now - this.lookedAt < 1) return;
    this.lookedAt = now;
    const version = this.sql.dataVersion.get() as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.cache.clear();
  }

  private liveKey(subjectId: string): DataKey | undefined {
    const row = this.sql.live.get(subjectId);
    return row && row.key !== null ? { keyId: row.key_id, key: row.key } : undefined;
  }

  private newKey(subjectId: string): DataKey {
    const key = randomBytes(KEY_BYTES);
    const keyId = randomUUID();
    this.sql.insert.run(keyId, subjectId, key, new Date().toISOString());
    return { keyId, key };
  }

  private truncateWal(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy !== 0) throw new KeyStoreBusy(this.file);
  }
}

function openKeyDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (applicationId !== APPLICATION_ID && tables > 0)
      throw new Error(`${file} is not a personal-data key store; it was left untouched`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function statements(db: Database.Database) {
  return {
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    live: db.prepare<[string], { key_id: string; key: Buffer | null }>(
      `SELECT key_id, key FROM data_keys WHERE subject_id = ? AND state = 'live'
       ORDER BY created_at DESC LIMIT 1`,
    ),
    byId: db.prepare<[string], { key: Buffer | null }>(
      'SELECT key FROM data_keys WHERE key_id = ?',
    ),
    insert: db.prepare<[string, string, Buffer, string]>(
      `INSERT INTO data_keys (key_id, subject_id, key, state, created_at)
       VALUES (?, ?, ?, 'live', ?)`,
    ),
    retire: db.prepare<[string]>(
      `UPDATE data_keys SET state = 'retired' WHERE subject_id = ? AND state = 'live'`,
    ),
    destroy: db.prepare<[string, string, string]>(
      `UPDATE data_keys SET key = NULL, state = 'destroyed', destroyed_at = ?
       WHERE key_id = ? AND subject_id = ? AND state <> 'destroyed'`,
    ),
    hasDestroyed: db
      .prepare<[string], number>(
        `SELECT 1 FROM data_keys WHERE subject_id = ? AND state = 'destroyed' LIMIT 1`,
      )
      .pluck(),
    checkpoint: db
      .prepare<[], string>('SELECT position FROM erasure_checkpoint WHERE id = 1')
      .pluck(),
    saveCheckpoint: db.prepare<[string]>(
      `INSERT INTO erasure_checkpoint (id, position) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position`,
    ),
  };
}
