import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { EVENTS_FILE_NAME } from './sqlite-database.js';
import { SqliteEventStore, type WriterMode } from './sqlite-event-store.js';

describe.each<WriterMode>(['inline', 'thread'])(
  'EventStore contract: embedded SQLite, %s writer',
  (writer) => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cw-events-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    eventStoreContract({
      open: async () => new SqliteEventStore({ dataDir: dir, writer }),
      reopen: async (store) => {
        await store.close();
        return new SqliteEventStore({ dataDir: dir, writer });
      },
      // Rows written into the file by hand, as no code of ours would write them.
      plant: async (streamId, event) => {
        const db = new Database(join(dir, EVENTS_FILE_NAME));
        try {
          const revision = db
            .prepare('SELECT coalesce(max(revision) + 1, 0) FROM events WHERE stream_id = ?')
            .pluck()
            .get(streamId);
          db.prepare(
            'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
          ).run(randomUUID(), streamId, revision, event.type, event.data, event.metadata ?? '');
        } finally {
          db.close();
        }
      },
    });
  },
);
