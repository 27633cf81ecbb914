import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SqliteEventStore,
  type NewEvent,
  type SynchronousLevel,
} from '@customer-workspace/event-store';
import type { BenchResult } from './bench-result.js';

const metadata: NewEvent['metadata'] = {
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: { userId: 'u-1', upn: 'agent@contoso.example', role: 'admin-agent' },
  partnerId: 'partner-1',
  customerId: 'customer-1',
  occurredAt: '2026-11-21T10:00:00.000Z',
  schemaVersion: 1,
};

function event(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'CustomerTagAssigned',
    data: { n, tagId: 'tag-1', customerId: 'c-1' },
    metadata,
  };
}

/** Concurrent single-event appends through the port (`concurrency` writers in flight), events/s. */
async function portAppends(
  total: number,
  concurrency: number,
  synchronous: SynchronousLevel,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-'));
  const store = new SqliteEventStore({ dataDir: dir, synchronous });
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const n = next++;
        await store.append(`bench-${n % 1000}`, [event(n)], { expectedRevision: 'any' });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return total / seconds;
}

/** The limit: raw better-sqlite3 inserts of the same rows in 1,000-row transactions, rows/s. */
function rawInserts(total: number, synchronous: SynchronousLevel): number {
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Map<string, number>();
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const e = event(n);
      const stream = `bench-${n % 1000}`;
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      insert.run(
        e.eventId,
        stream,
        revision,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
      );
    }
  });
  const started = process.hrtime.bigint();
  for (let n = 0; n < total; n += 1000) batch(n, Math.min(total, n + 1000));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return total / seconds;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function appendBenchmark(quick: boolean): Promise<BenchResult> {
  const total = quick ? 20_000 : 100_000;
  const rounds = quick ? 3 : 5;
  const ours: number[] = [];
  const limit: number[] = [];
  for (let round = 0; round < rounds; round++) {
    limit.push(rawInserts(total, 'FULL'));
    ours.push(await portAppends(total, 50, 'FULL'));
  }
  const value = median(ours);
  const baseline = median(limit);
  return {
    name: 'append',
    value: Math.round(value),
    unit: 'events/s',
    limit: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(2)),
    goal: 'ratio >= 0.3',
    detail: {
      total,
      concurrency: 50,
      synchronous: 'FULL',
      rounds,
      ours: ours.map(Math.round),
      raw: limit.map(Math.round),
    },
  };
}
