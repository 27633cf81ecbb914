import Database from 'better-sqlite3';
import { join } from 'node:path';
import { writableDataDirectory } from '@customer-workspace/config';

export interface StoredResponse {
  readonly fingerprint: string;
  /** null while the first request is still being handled. */
  readonly status: number | null;
  readonly body: unknown;
  readonly startedAt: number;
}

export const IDEMPOTENCY_FILE = 'idempotency.db';

/**
 * Idempotency keys and the first response given for each, per partner, kept durably in
 * `DATA_DIR/idempotency.db` (synchronous=FULL: a key that was answered survives a crash).
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    this.db = new Database(join(writableDataDirectory(dataDir), IDEMPOTENCY_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // A forgotten row (an erased subject's) leaves no copy in free pages or the WAL.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status INTEGER, body TEXT, started_at INTEGER NOT NULL, subject TEXT,
      PRIMARY KEY (scope, key))`);
    const columns = this.db.pragma('table_info(idempotency_keys)') as { name: string }[];
    if (!columns.some((column) => column.name === 'subject'))
      this.db.exec('ALTER TABLE idempotency_keys ADD COLUMN subject TEXT');
    this.db.exec(
      'CREATE INDEX IF NOT EXISTS idempotency_keys_subject ON idempotency_keys (subject) WHERE subject IS NOT NULL',
    );
    this.statements = {
      find: this.db.prepare<
        [string, string],
        { fingerprint: string; status: number | null; body: string | null; started_at: number }
      >(
        'SELECT fingerprint, status, body, started_at FROM idempotency_keys WHERE scope = ? AND key = ?',
      ),
      claim: this.db.prepare(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, started_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, started_at = excluded.started_at
         WHERE idempotency_keys.status IS NULL AND idempotency_keys.started_at < ?`,
      ),
      complete: this.db.prepare(
        'UPDATE idempotency_keys SET status = ?, body = ?, subject = ? WHERE scope = ? AND key = ?',
      ),
      forget: this.db.prepare('DELETE FROM idempotency_keys WHERE subject = ?'),
      release: this.db.prepare(
        'DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL',
      ),
    };
  }

  find(scope: string, key: string): StoredResponse | undefined {
    const row = this.statements.find.get(scope, key);
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      status: row.status,
      body: row.body === null ? undefined : JSON.parse(row.body),
      startedAt: row.started_at,
    };
  }

  /**
   * Claims the key for a first attempt. False when another attempt holds it; a claim older
   * than `staleAfterMs` (its process died) can be taken over.
   */
  claim(
    scope: string,
    key: string,
    fingerprint: string,
    now: number,
    staleAfterMs: number,
  ): boolean {
    return (
      this.statements.claim.run(scope, key, fingerprint, now, now - staleAfterMs).changes === 1
    );
  }

  /** Keeps the answer; `subject`: whom it is about, when it holds personal data (`forget`). */
  complete(scope: string, key: string, status: number, body: unknown, subject?: string): void {
    this.statements.complete.run(status, JSON.stringify(body ?? null), subject ?? null, scope, key);
  }

  /**
   * Forgets every kept answer about `subject` (its personal data is erased): their request
   * fingerprints are hashes of bodies that held it. A retry with one of those keys runs the
   * command again, which answers as the first attempt did, from the events (erased). Answers
   * how many were forgotten; none leaves a copy in the file (secure_delete, WAL truncated).
   */
  forget(subject: string): number {
    const forgotten = this.statements.forget.run(subject).changes;
    if (forgotten > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return forgotten;
  }

  /** The attempt failed: forget the claim so that a retry runs the command again. */
  release(scope: string, key: string): void {
    this.statements.release.run(scope, key);
  }

  close(): void {
    this.db.close();
  }
}
