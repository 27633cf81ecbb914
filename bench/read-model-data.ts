import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@customer-workspace/config';
import { SqliteEventStore } from '@customer-workspace/event-store';
import {
  customerListProjection,
  openReadModelForReading,
  type Projection,
  ReadModelDirectory,
  rebuildReadModel,
} from '@customer-workspace/read-models';
import { startActivityLogFollower } from './activity-log-follower.js';
import { type ApiChild, startApiChild } from './api-child.js';
import { appendCommands } from './event-appender.js';
import { benchWorkload } from './mixed-workload.js';

/** A data directory holding an event store made of real domain events. */
export interface Dataset {
  readonly dataDir: string;
  readonly events: number;
  /** Seconds the set-up took, by step (append, read-model builds). */
  readonly setUp: Record<string, number>;
}

const secondsSince = (since: bigint): number =>
  Number((Number(process.hrtime.bigint() - since) / 1e9).toFixed(2));

/** Data directories of this run, by size: each is made once per run. */
const cache = new Map<string, Promise<Dataset>>();

/**
 * At least `events` events of the bench workload: a partner community over two years with one
 * partner of `bigCustomers` rows (see `benchWorkload`), appended through the store's port;
 * its activity log is built meanwhile by a worker (set-up only, on the other core).
 */
export function benchDataset(events: number, bigCustomers: number): Promise<Dataset> {
  const key = `${events}-${bigCustomers}`;
  let made = cache.get(key);
  if (!made) {
    const dataDir = mkdtempSync(join(tmpdir(), `cw-bench-${key}-`));
    made = makeDataset(dataDir, events, bigCustomers);
    cache.set(key, made);
    made.catch(() => rmSync(dataDir, { recursive: true, force: true }));
  }
  return made;
}

async function makeDataset(dataDir: string, events: number, bigCustomers: number) {
  const started = process.hrtime.bigint();
  // Creates the store's file before two threads open it.
  await new SqliteEventStore({ dataDir }).close();
  const follower = await startActivityLogFollower(dataDir);
  try {
    const appended = await appendCommands(dataDir, benchWorkload(events, bigCustomers));
    await follower.finish(await headOf(dataDir));
    const setUp = {
      append: Number(appended.seconds.toFixed(2)),
      'append + activity-log build': secondsSince(started),
    };
    return { dataDir, events: appended.events, setUp };
  } finally {
    await follower.stop();
  }
}

async function headOf(dataDir: string): Promise<bigint> {
  const store = new SqliteEventStore({ dataDir });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** Rows of the big partner's list: the export's rows and the list queries' customers. */
export const BIG_PARTNER_ROWS = 100_000;

/**
 * The one data set of a run: full 1M events, quick 260k (the smallest that holds the 100k-row
 * partner beside a community of partners; a second, smaller set would double the set-up).
 */
export const datasetFor = (quick: boolean): Promise<Dataset> =>
  benchDataset(quick ? 260_000 : 1_000_000, BIG_PARTNER_ROWS);

const apis = new Map<string, Promise<ApiChild>>();

/** The api running on `data` (started once, with both read models built before). */
export function apiFor(data: Dataset): Promise<ApiChild> {
  let api = apis.get(data.dataDir);
  if (!api) {
    api = servingFile(data, customerListProjection)
      .then(() => startApiChild(data.dataDir))
      .then((child) => {
        data.setUp['api catch-up'] = child.catchUpSeconds;
        return child;
      });
    apis.set(data.dataDir, api);
  }
  return api;
}

/** Stops the apis this run started. */
export async function stopApis(): Promise<void> {
  for (const api of apis.values()) await (await api.catch(() => undefined))?.stop();
  apis.clear();
}

/** Rebuilds `projection` (a new generation, published), recording the time in the set-up. */
export async function buildReadModel(data: Dataset, projection: Projection): Promise<string> {
  const started = process.hrtime.bigint();
  const store = new SqliteEventStore({ dataDir: data.dataDir });
  try {
    const directory = new ReadModelDirectory(data.dataDir);
    const { file } = await rebuildReadModel(store, projection, directory);
    directory.removeStale(projection.name);
    data.setUp[`build ${projection.name}`] = secondsSince(started);
    return file;
  } finally {
    await store.close();
  }
}

/** The serving file of `projection`; builds the customer list when no benchmark did yet. */
export async function servingFile(data: Dataset, projection: Projection): Promise<string> {
  const current = new ReadModelDirectory(data.dataDir).current(projection.name);
  if (current !== undefined) return current;
  if (projection !== customerListProjection) throw new Error(`No ${projection.name} read model`);
  return buildReadModel(data, projection);
}

/** What the api's query connections map of a read model's file by default (`READ_MODEL_MMAP_MB`). */
export const API_READER_MAP_BYTES = loadConfig({}).READ_MODEL_MMAP_MB * 1024 * 1024;

/**
 * A read-only connection to the serving generation of `projection`, opened as the api opens
 * its query connections (`mapBytes` 0: reading through system calls instead).
 */
export async function readModel(
  data: Dataset,
  projection: Projection,
  mapBytes = API_READER_MAP_BYTES,
): Promise<Database.Database> {
  return openReadModelForReading(await servingFile(data, projection), { mapBytes });
}

/** Stops the apis and deletes every data directory this run made. */
export async function removeDatasets(): Promise<void> {
  await stopApis();
  for (const made of cache.values()) {
    const data = await made.catch(() => undefined);
    if (data) rmSync(data.dataDir, { recursive: true, force: true });
  }
  cache.clear();
}
