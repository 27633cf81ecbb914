import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store.js';
import { EVENTS_FILE_NAME } from './sqlite-database.js';

describe('opening an up-to-date embedded store', () => {
  it('takes no write lock, so it opens while another process holds one (a CLI beside the api)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-open-'));
    await new SqliteEventStore({ dataDir: dir }).close();
    const writer = new Database(join(dir, EVENTS_FILE_NAME));
    writer.pragma('busy_timeout = 0');
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const store = new SqliteEventStore({ dataDir: dir });
      expect(Date.now() - started).toBeLessThan(1000);
      await store.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
