import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailable } from '../event-store.errors.js';
import { EVENTS_FILE_NAME } from './sqlite-database.js';
import { SqliteEventStore, type WriterMode } from './sqlite-event-store.js';

// Goes with /tmp/sqlite-event-store-storage-fault.patch: appends batched into one transaction
// (group commit) when the disk fills up.
describe.each<WriterMode>(['inline', 'thread'])(
  'group commit on a full disk, %s writer',
  (writer) => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-batch-full-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses every append of the batch and stores none of them', async () => {
      const store = new SqliteEventStore({ dataDir: dir, writer });
      const db = new Database(join(dir, EVENTS_FILE_NAME));
      // The writing connection may not grow the file: the disk is full.
      await store.writerPragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      const event = (id: string, size: number) => ({
        eventId: id,
        type: 'Filled',
        data: { padding: 'x'.repeat(size) },
        metadata: { correlationId: id } as never,
      });
      // One turn of the event loop: one transaction. The first append needs a new page.
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.append(
            `s-${i}`,
            i % 2 ? [event(`e-${i}`, 100)] : [event(`e-${i}a`, 50), event(`e-${i}b`, 3000)],
            {
              expectedRevision: 'no_stream',
            },
          ),
        ),
      );
      const stored = db.prepare('SELECT count(*) FROM events').pluck().get();
      expect({ stored, refused: results.filter((r) => r.status === 'rejected').length }).toEqual({
        stored: 0,
        refused: 20,
      });
      for (const result of results) {
        expect(result.status === 'rejected' && result.reason).toBeInstanceOf(EventStoreUnavailable);
      }
      await store.close();
      db.close();
    });
  },
);
