import { EventStoreDBClient, FORWARDS } from '@eventstore/db-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, ExpectedRevision } from '@customer-workspace/event-store';
import {
  customerListProjection,
  ReadModelDirectory,
  rebuildReadModel,
} from '@customer-workspace/read-models';
import type { BenchResult } from './bench-result.js';
import { nodeConnectionString, nodeStore, runPrefix } from './esdb-node.js';
import { round } from './latency.js';
import { benchWorkload } from './mixed-workload.js';

const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * The bench workload appended to the node in order, one append per command with the revision
 * it expects, as the command handler appends: the projections see the order they would live.
 */
async function seed(store: EventStore, events: number, bigCustomers: number) {
  const revisions = new Map<string, bigint>();
  const started = process.hrtime.bigint();
  let appended = 0;
  for (const { streamId, events: batch } of benchWorkload(events, bigCustomers)) {
    const head = revisions.get(streamId);
    const expectedRevision: ExpectedRevision = head ?? 'no_stream';
    const { nextRevision } = await store.append(streamId, batch, { expectedRevision });
    revisions.set(streamId, nextRevision);
    appended += batch.length;
  }
  return { events: appended, seconds: round(secondsSince(started)) };
}

/** The limit: the plain client reading `$all` over the range our events span, decoded. */
async function plainRead(first: bigint, last: bigint, events: number): Promise<number> {
  const client = EventStoreDBClient.connectionString(nodeConnectionString());
  try {
    const started = process.hrtime.bigint();
    let records = 0;
    const read = client.readAll({
      fromPosition: { commit: first, prepare: first },
      direction: FORWARDS,
    });
    for await (const resolved of read) {
      records++;
      if ((resolved.event?.position?.commit ?? 0n) >= last) break;
    }
    if (records < events) throw new Error(`The plain read saw ${records} of ${events} events`);
    return events / secondsSince(started);
  } finally {
    await client.dispose();
  }
}

/**
 * `rebuild.esdb`: the customer list rebuilt from our events on the node (a prefix of this run's
 * own, so the node may hold anything else), against the plain client's read of the same range
 * of `$all`, before and after.
 */
export async function esdbRebuildBenchmark(quick: boolean): Promise<BenchResult> {
  const size = quick
    ? { events: 40_000, bigCustomers: 4_000 }
    : { events: 200_000, bigCustomers: 20_000 };
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-esdb-rebuild-'));
  const store = nodeStore(runPrefix('rebuild'), dataDir);
  try {
    const seeded = await seed(store, size.events, size.bigCustomers);
    let first = 0n;
    for await (const event of store.readAll({ maxCount: 1 })) first = event.position;
    const last = await store.headPosition();
    const before = await plainRead(first, last, seeded.events);
    const started = process.hrtime.bigint();
    await rebuildReadModel(store, customerListProjection, new ReadModelDirectory(dataDir));
    const value = seeded.events / secondsSince(started);
    const after = await plainRead(first, last, seeded.events);
    const baseline = (before + after) / 2;
    return {
      name: 'rebuild.esdb',
      value: Math.round(value),
      unit: 'events/s',
      limit: Math.round(baseline),
      ratio: round(value / baseline),
      goal: 'ratio >= 0.5',
      detail: {
        events: seeded.events,
        plainBeforeAndAfter: [before, after].map(Math.round),
        seedSeconds: seeded.seconds,
      },
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
