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
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status INTEGER, body TEXT, started_at INTEGER NOT NULL, PRIMARY KEY (scope, key))`);
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
        'UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?',
      ),
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

  complete(scope: string, key: string, status: number, body: unknown): void {
    this.statements.complete.run(status, JSON.stringify(body ?? null), scope, key);
  }

  /** The attempt failed: forget the claim so that a retry runs the command again. */
  release(scope: string, key: string): void {
    this.statements.release.run(scope, key);
  }

  close(): void {
    this.db.close();
  }
}
