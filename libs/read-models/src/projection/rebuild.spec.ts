import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { testEvent } from '@customer-workspace/event-store/testing';
import type { Projection } from './projection.js';
import { openReadModelForReading, openReadModelForWriting } from './read-model-database.js';
import { ReadModelDirectory, RebuildInProgress } from './read-model-directory.js';
import { rebuildReadModel } from './rebuild.js';
import { catchUp } from './catch-up.js';
import { createBatchApplier } from './batch-applier.js';

/**
 * Rows of `n`; its deferred schema keeps a total per parity (a derived table with a trigger,
 * filled from the rows) and records how many rows there were when it ran.
 */
const parity: Projection = {
  name: 'parity',
  version: 1,
  createSchema: (db) => db.exec('CREATE TABLE numbers (n INTEGER PRIMARY KEY)'),
  deferredSchema: `
    CREATE TABLE deferred_ran (rows_then INTEGER NOT NULL);
    INSERT INTO deferred_ran SELECT count(*) FROM numbers;
    CREATE TABLE totals (parity INTEGER PRIMARY KEY, count INTEGER NOT NULL);
    INSERT INTO totals SELECT n % 2, count(*) FROM numbers GROUP BY n % 2;
    CREATE TRIGGER numbers_total AFTER INSERT ON numbers BEGIN
      INSERT INTO totals VALUES (new.n % 2, 1)
        ON CONFLICT (parity) DO UPDATE SET count = count + 1;
    END;
    CREATE INDEX numbers_desc ON numbers (n DESC);`,
  prepare: (db: Database.Database) => {
    const insert = db.prepare('INSERT INTO numbers (n) VALUES (?)');
    return (event) => void insert.run((event.data as { n: number }).n);
  },
};

const contents = (db: Database.Database) => ({
  numbers: db.prepare('SELECT n FROM numbers ORDER BY n').pluck().all(),
  totals: db.prepare('SELECT parity, count FROM totals ORDER BY parity').all(),
  indexes: db
    .prepare("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
    .pluck()
    .all(),
});

describe('rebuildReadModel with a deferred schema', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-rebuild-'));
    store = new SqliteEventStore({ dataDir: dir });
    const events = Array.from({ length: 25 }, (_, n) => testEvent('Numbered', { n }));
    await store.append('numbers-1', events, { expectedRevision: 'no_stream' });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs it once after the load, and leaves the same rows as a file kept up live', async () => {
    const live = openReadModelForWriting(join(dir, 'live.db'), parity);
    await catchUp(store, live, createBatchApplier(live, parity), { batchSize: 7 });
    const directory = new ReadModelDirectory(dir);

    const { file } = await rebuildReadModel(store, parity, directory, { batchSize: 7 });

    const rebuilt = openReadModelForReading(file);
    try {
      expect(contents(rebuilt)).toEqual(contents(live));
      expect(contents(rebuilt).totals).toEqual([
        { parity: 0, count: 13 },
        { parity: 1, count: 12 },
      ]);
      // Live: created with the tables, before any row. Rebuild: after all 25 rows.
      expect(live.prepare('SELECT rows_then FROM deferred_ran').pluck().get()).toBe(0);
      expect(rebuilt.prepare('SELECT rows_then FROM deferred_ran').pluck().get()).toBe(25);
      expect(rebuilt.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      rebuilt.close();
      live.close();
    }
  });

  it('publishes a file the runner can open and keep up (WAL), triggers included', async () => {
    const directory = new ReadModelDirectory(dir);
    const { file } = await rebuildReadModel(store, parity, directory);
    await store.append('numbers-1', [testEvent('Numbered', { n: 101 })], {
      expectedRevision: 24n,
    });

    const writer = openReadModelForWriting(file, parity);
    try {
      await catchUp(store, writer, createBatchApplier(writer, parity));
      expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(contents(writer).totals).toEqual([
        { parity: 0, count: 13 },
        { parity: 1, count: 13 },
      ]);
    } finally {
      writer.close();
    }
  });

  it('lets one rebuild of a read model run at a time', async () => {
    const directory = new ReadModelDirectory(dir);
    const first = rebuildReadModel(store, parity, directory, { batchSize: 1 });
    const second = rebuildReadModel(store, parity, directory);

    await expect(second).rejects.toThrow(RebuildInProgress);
    await expect(second).rejects.toThrow(`parity is being rebuilt by process ${process.pid}`);
    const { file } = await first;
    expect(directory.current('parity')).toBe(file);
    // Released: the next rebuild runs.
    await expect(rebuildReadModel(store, parity, directory)).resolves.toBeDefined();
    expect(readdirSync(directory.path).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('takes over the lock of a rebuild whose process is gone', async () => {
    const directory = new ReadModelDirectory(dir);
    const lock = join(directory.path, 'parity.rebuild.lock');
    writeFileSync(lock, '2147483646\n'); // no such process

    await expect(rebuildReadModel(store, parity, directory)).resolves.toBeDefined();
    expect(existsSync(lock)).toBe(false);
  });
});
