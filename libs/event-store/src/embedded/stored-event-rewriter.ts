import type Database from 'better-sqlite3';
import { openEventDatabase } from './sqlite-database.js';
import { canonicalJson } from '../canonical-json.js';

/** A new `data` for the stored event at `position`, which must be `eventId`. */
export interface StoredEventChange {
  readonly position: bigint;
  readonly eventId: string;
  readonly data: unknown;
}

/** The stored event at a position is not the one the change was made for: nothing was written. */
export class StoredEventMismatch extends Error {
  constructor(position: bigint, expected: string) {
    super(`The event at position ${position} is not ${expected}; nothing was rewritten`);
    this.name = 'StoredEventMismatch';
  }
}

/**
 * The embedded store's one way to change what it holds, for an upgrade that must (sealing the
 * personal data events stored in clear, `cli personal-data encrypt`): the `data` of events
 * rewritten in place, ids, positions, revisions, types and metadata untouched; then `finish`
 * leaves no copy of the old bytes anywhere in the file or its WAL. Run it with nothing else
 * writing: the api must be stopped.
 */
export class StoredEventRewriter {
  private readonly db: Database.Database;
  private readonly sql;

  constructor(dataDir: string) {
    this.db = openEventDatabase(dataDir, 'FULL');
    this.db.pragma('secure_delete = ON');
    this.sql = {
      idAt: this.db
        .prepare<[bigint], string>('SELECT event_id FROM events WHERE position = ?')
        .pluck(),
      update: this.db.prepare<[string, bigint]>('UPDATE events SET data = ? WHERE position = ?'),
    };
  }

  /** Rewrites the changes in one transaction: all of them, or none when one does not match. */
  rewrite(changes: readonly StoredEventChange[]): void {
    this.db
      .transaction(() => {
        for (const { position, eventId, data } of changes) {
          if (this.sql.idAt.get(position) !== eventId)
            throw new StoredEventMismatch(position, eventId);
          this.sql.update.run(canonicalJson(data), position);
        }
      })
      .immediate();
  }

  /**
   * Rebuilds every page (`VACUUM`) and empties the WAL; false while another connection holds
   * the file. `secure_delete` zeroes what the rewrite freed, but not the stale bytes that page
   * splits of the original writer left in unused space (its connection had no secure_delete):
   * only a rebuild of every page removes those.
   */
  finish(): boolean {
    try {
      this.db.exec('VACUUM');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
