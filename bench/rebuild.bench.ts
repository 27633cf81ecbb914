import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import {
  customerListProjection,
  openReadModelForReading,
  ReadModelDirectory,
  rebuildReadModel,
} from '@customer-workspace/read-models';
import type { BenchResult } from './bench-result.js';
import { round } from './latency.js';
import { type Dataset, datasetFor } from './read-model-data.js';

/**
 * A full customer-list rebuild of the events in `dataDir` (new generation, published; the
 * older ones removed), in seconds. `scaling.rebuild` runs it in a child of its own.
 */
export async function timeRebuild(dataDir: string): Promise<number> {
  const store = new SqliteEventStore({ dataDir });
  const directory = new ReadModelDirectory(dataDir);
  try {
    const started = process.hrtime.bigint();
    await rebuildReadModel(store, customerListProjection, directory);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    directory.removeStale(customerListProjection.name);
    return seconds;
  } finally {
    await store.close();
  }
}

/** A full customer-list rebuild of `events` events, events/s. */
async function rebuild(data: Dataset, events: number): Promise<number> {
  return events / (await timeRebuild(data.dataDir));
}

/** The limit: the same rows read raw with better-sqlite3, data and metadata parsed. */
function rawRead(data: Dataset): { rows: number; perSecond: number } {
  const db = new Database(join(data.dataDir, 'events.db'), { readonly: true });
  try {
    const started = process.hrtime.bigint();
    let rows = 0;
    let keys = 0;
    const all = db.prepare<[], { data: string; metadata: string }>(
      'SELECT * FROM events ORDER BY position',
    );
    for (const row of all.iterate()) {
      const parsed = [JSON.parse(row.data), JSON.parse(row.metadata)] as object[];
      keys += parsed.length;
      rows++;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (keys !== rows * 2) throw new Error('unreachable: keeps the parsing from being skipped');
    return { rows, perSecond: rows / seconds };
  } finally {
    db.close();
  }
}

function eventMix(data: Dataset): Record<string, number> {
  const db = new Database(join(data.dataDir, 'events.db'), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC')
      .all() as { type: string; n: number }[];
    return Object.fromEntries(rows.map(({ type, n }) => [type, n]));
  } finally {
    db.close();
  }
}

/** Rows of the rebuilt list: current ones and those kept as history (removed). */
function listRows(data: Dataset): { current: number; removed: number } {
  const file = new ReadModelDirectory(data.dataDir).current(customerListProjection.name)!;
  const db = openReadModelForReading(file);
  try {
    return db
      .prepare(
        `SELECT count(*) FILTER (WHERE removed_position IS NULL) AS current,
           count(*) FILTER (WHERE removed_position IS NOT NULL) AS removed FROM list_rows`,
      )
      .get() as { current: number; removed: number };
  } finally {
    db.close();
  }
}

/**
 * `rebuild`: the customer list rebuilt from the data set's events (quick 260k, full
 * 1M), against a raw read + `JSON.parse` of the same rows, read before and after it. One
 * rebuild: it costs half a minute (quick) to two minutes (full) here.
 */
export async function rebuildBenchmark(quick: boolean): Promise<BenchResult> {
  const data = await datasetFor(quick);
  const before = rawRead(data);
  const value = await rebuild(data, before.rows);
  const after = rawRead(data);
  const baseline = (before.perSecond + after.perSecond) / 2;
  return {
    name: 'rebuild',
    value: Math.round(value),
    unit: 'events/s',
    limit: Math.round(baseline),
    ratio: round(value / baseline, 2),
    goal: 'ratio >= 0.5',
    detail: {
      events: before.rows,
      rawBeforeAndAfter: [before.perSecond, after.perSecond].map(Math.round),
      listRows: listRows(data),
      eventTypes: eventMix(data),
      setUpSeconds: data.setUp,
    },
  };
}
