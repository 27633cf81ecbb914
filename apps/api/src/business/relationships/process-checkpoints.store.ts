import Database from 'better-sqlite3';
import { join } from 'node:path';
import { writableDataDirectory } from '@customer-workspace/config';

export const PROCESS_MANAGERS_FILE = 'process-managers.db';

/**
 * Checkpoints of the process managers (the global position of the last event each one has
 * handled), in `DATA_DIR/process-managers.db`, beside and apart from the events. Written with
 * synchronous=FULL: a handled event is not handled again after a crash, except the one being
 * handled when it happened (hence the reactions' idempotency).
 */
export class ProcessCheckpoints {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    this.db = new Database(join(writableDataDirectory(dataDir), PROCESS_MANAGERS_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
      name TEXT PRIMARY KEY, position TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    this.statements = {
      get: this.db
        .prepare<[string], string>('SELECT position FROM checkpoints WHERE name = ?')
        .pluck(),
      save: this.db.prepare(
        `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      ),
    };
  }

  /** The last handled position, or undefined before the first event. */
  get(name: string): bigint | undefined {
    const position = this.statements.get.get(name);
    return position === undefined ? undefined : BigInt(position);
  }

  save(name: string, position: bigint): void {
    this.statements.save.run(name, position.toString(), new Date().toISOString());
  }

  close(): void {
    this.db.close();
  }
}
