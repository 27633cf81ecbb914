import type Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { testEvent } from '@customer-workspace/event-store/testing';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import type { Projection } from './projection.js';
import { ReadModelDirectory } from './read-model-directory.js';
import { rebuildReadModel } from './rebuild.js';

/** Counts events by their `n`; an event with `poison: true` cannot be applied. */
const tally: Projection = {
  name: 'tally',
  version: 1,
  createSchema: (db) => db.exec('CREATE TABLE seen (n INTEGER PRIMARY KEY, times INTEGER)'),
  prepare: (db: Database.Database) => {
    const upsert = db.prepare(
      'INSERT INTO seen (n, times) VALUES (?, 1) ON CONFLICT (n) DO UPDATE SET times = times + 1',
    );
    return (event) => {
      const data = event.data as { n: number; poison?: boolean };
      if (data.poison) throw new Error('cannot apply a poisoned event');
      upsert.run(data.n);
    };
  },
};

const silent = { error: jest.fn(), warn: jest.fn() };

describe('ProjectionRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  let directory: ReadModelDirectory;
  const runners: ProjectionRunner[] = [];
  const start = (options: Partial<ProjectionRunnerOptions> = {}) => {
    const runner = new ProjectionRunner(store, tally, directory, {
      logger: silent,
      pointerPollMs: 20,
      ...options,
    });
    runners.push(runner);
    runner.start();
    return runner;
  };
  const append = async (...data: object[]) =>
    (
      await store.append(
        'tally-1',
        data.map((d) => testEvent('Counted', d)),
        { expectedRevision: 'any' },
      )
    ).position;
  const rows = (runner: ProjectionRunner) =>
    runner.reader().prepare('SELECT n, times FROM seen ORDER BY n').all();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-runner-'));
    store = new SqliteEventStore({ dataDir: dir });
    directory = new ReadModelDirectory(dir);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies stored and live events, and waitFor resolves once a position is applied', async () => {
    await append({ n: 1 }, { n: 2 });
    const runner = start();
    const position = await append({ n: 3 });
    expect(await runner.waitFor(position, 2000)).toBe(true);
    expect(rows(runner)).toEqual([1, 2, 3].map((n) => ({ n, times: 1 })));
    expect(runner.status()).toMatchObject({ state: 'running', position });
  });

  it('waitFor answers false after its timeout when the position is not reached', async () => {
    const runner = start();
    expect(await runner.waitFor(1000n, 30)).toBe(false);
  });

  it('resumes from its checkpoint after a restart: nothing applied twice or skipped', async () => {
    await append({ n: 1 }, { n: 2 });
    const first = start();
    expect(await first.waitFor(2n, 2000)).toBe(true);
    await first.stop();
    const position = await append({ n: 3 });
    const second = start();
    expect(await second.waitFor(position, 2000)).toBe(true);
    expect(rows(second)).toEqual([1, 2, 3].map((n) => ({ n, times: 1 })));
  });

  it('stops at an event it cannot apply, reports it as failed, and never skips it', async () => {
    await append({ n: 1 });
    const poisoned = await append({ n: 2, poison: true });
    await append({ n: 3 });
    const runner = start();
    await waitUntil(() => runner.status().state === 'failed');
    const status = runner.status();
    expect(status.position).toBe(poisoned - 1n);
    expect(status.failure).toMatchObject({
      message: expect.stringContaining('cannot apply a poisoned event'),
      event: { type: 'Counted', position: poisoned.toString(), streamId: 'tally-1' },
    });
    expect(rows(runner)).toEqual([{ n: 1, times: 1 }]);
    expect(silent.error).toHaveBeenCalled();
  });

  it('reports its state through onStatus: running once opened, failed at an event it cannot apply', async () => {
    await append({ n: 1 }, { n: 2, poison: true });
    const reported: string[] = [];
    const runner = start({ onStatus: (status) => reported.push(status.state) });
    await waitUntil(() => runner.status().state === 'failed');
    expect(reported.slice(0, 2)).toEqual(['running', 'failed']);
  });

  it('switches to a generation a rebuild publishes and resumes from its checkpoint', async () => {
    await append({ n: 1 });
    const runner = start();
    expect(await runner.waitFor(1n, 2000)).toBe(true);
    const before = runner.servingFile();
    const { file } = await rebuildReadModel(store, tally, directory);
    const position = await append({ n: 2 });
    await waitUntil(() => runner.servingFile() === file);
    expect(await runner.waitFor(position, 2000)).toBe(true);
    expect(file).not.toBe(before);
    expect(rows(runner)).toEqual([1, 2].map((n) => ({ n, times: 1 })));
  });

  it('an aborted rebuild deletes what it built and leaves the serving generation', async () => {
    await append(...Array.from({ length: 50 }, (_, n) => ({ n })));
    const runner = start();
    expect(await runner.waitFor(50n, 2000)).toBe(true);
    const serving = directory.current('tally');
    const abort = new AbortController();
    const rebuild = rebuildReadModel(store, tally, directory, {
      batchSize: 10,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(rebuild).rejects.toThrow();
    expect(directory.current('tally')).toBe(serving);
    expect(readdirSync(directory.path).filter((f) => f.includes('building'))).toEqual([]);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
