import Database from 'better-sqlite3';
import { join } from 'node:path';
import { writableDataDirectory } from '@customer-workspace/config';

export const GDAP_TRANSITIONS_FILE = 'gdap-transitions.db';

/**
 * What the GDAP transition process knows (`DATA_DIR/gdap-transitions.db`, apart from the
 * events): when each relationship's next transition is due, and the position of the last event
 * it has read, written together in one transaction, synchronous=FULL. Losing it costs a replay
 * of the relationships' events, nothing more: it is rebuilt from them.
 */
export class GdapTransitionsStore {
  private readonly db: Database.Database;
  private readonly sql;

  constructor(dataDir: string) {
    this.db = new Database(join(writableDataDirectory(dataDir), GDAP_TRANSITIONS_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS due (
        relationship_id TEXT PRIMARY KEY,
        due_at          TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS due_by_time ON due (due_at);`);
    this.sql = {
      checkpoint: this.db
        .prepare<[], string>(`SELECT value FROM meta WHERE name = 'checkpoint'`)
        .pluck(),
      saveCheckpoint: this.db.prepare<[string]>(
        `INSERT INTO meta (name, value) VALUES ('checkpoint', ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      ),
      setDue: this.db.prepare<[string, string]>(
        `INSERT INTO due (relationship_id, due_at) VALUES (?, ?)
         ON CONFLICT (relationship_id) DO UPDATE SET due_at = excluded.due_at`,
      ),
      clearDue: this.db.prepare<[string]>('DELETE FROM due WHERE relationship_id = ?'),
      dueBy: this.db
        .prepare<[string], string>(
          'SELECT relationship_id FROM due WHERE due_at <= ? ORDER BY due_at, relationship_id',
        )
        .pluck(),
      earliest: this.db.prepare<[], string>('SELECT MIN(due_at) FROM due').pluck(),
    };
  }

  /** The position of the last event read, or undefined before the first. */
  checkpoint(): bigint | undefined {
    const value = this.sql.checkpoint.get();
    return value === undefined ? undefined : BigInt(value);
  }

  /** The relationships' next instants (undefined: none ever) and the checkpoint, at once. */
  saveBatch(dues: ReadonlyMap<string, string | undefined>, checkpoint: bigint): void {
    this.db.transaction(() => {
      for (const [relationshipId, dueAt] of dues) this.setDue(relationshipId, dueAt);
      this.sql.saveCheckpoint.run(checkpoint.toString());
    })();
  }

  setDue(relationshipId: string, dueAt: string | undefined): void {
    if (dueAt === undefined) this.sql.clearDue.run(relationshipId);
    else this.sql.setDue.run(relationshipId, dueAt);
  }

  /** The relationships with a transition due by `instant`, the earliest first. */
  dueBy(instant: string): string[] {
    return this.sql.dueBy.all(instant);
  }

  /** The earliest instant a transition is due at, if any. */
  earliest(): string | undefined {
    return this.sql.earliest.get() ?? undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
