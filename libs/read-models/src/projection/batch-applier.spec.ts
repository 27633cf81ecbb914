import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { testEvent } from '@customer-workspace/event-store/testing';
import { createBatchApplier } from './batch-applier.js';
import type { Projection } from './projection.js';
import { openReadModelForWriting, readCheckpoint } from './read-model-database.js';

const tally: Projection = {
  name: 'tally',
  version: 1,
  createSchema: (db) => db.exec('CREATE TABLE seen (n INTEGER PRIMARY KEY, times INTEGER)'),
  prepare: (db: Database.Database) => {
    const upsert = db.prepare(
      'INSERT INTO seen (n, times) VALUES (?, 1) ON CONFLICT (n) DO UPDATE SET times = times + 1',
    );
    return (event) => void upsert.run((event.data as { n: number }).n);
  },
};

const recorded = (n: number): RecordedEvent => ({
  ...testEvent('Counted', { n }),
  streamId: 'tally-1',
  revision: BigInt(n - 1),
  position: BigInt(n),
});

describe('createBatchApplier', () => {
  it('never applies an event twice when two writers share a file (api and a CLI catching up)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-applier-'));
    const file = join(dir, 'tally.db');
    const api = openReadModelForWriting(file, tally);
    const cli = openReadModelForWriting(file, tally);
    try {
      createBatchApplier(api, tally)([1, 2, 3].map(recorded));
      // The CLI read the same events before the api committed them: it skips what is applied.
      expect(createBatchApplier(cli, tally)([1, 2, 3, 4].map(recorded))).toBe(4n);
      expect(api.prepare('SELECT n, times FROM seen ORDER BY n').all()).toEqual(
        [1, 2, 3, 4].map((n) => ({ n, times: 1 })),
      );
      expect(readCheckpoint(api)).toBe(4n);
    } finally {
      api.close();
      cli.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
