import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { repoRoot, requireBuild } from '../fixtures/dist.js';

const fixture = (name: string): string => join(repoRoot, 'test', 'fixtures', name);

describe('embedded event store across processes', () => {
  let dir: string;
  beforeAll(() => requireBuild('libs/event-store/dist/index.js'));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the appender until it has acknowledged `acks` appends (plus a random extra moment), then kill -9. */
  async function appendThenKill(acks: number): Promise<Map<string, string[]>> {
    const child = spawn(process.execPath, [fixture('append-until-killed.cjs'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged = new Map<string, string[]>();
    let buffer = '';
    const killedAt = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [, streamId, ids] = line.split(' ');
          acknowledged.set(streamId as string, (ids as string).split(','));
        }
        if (acknowledged.size >= acks && !child.killed) {
          setTimeout(() => child.kill('SIGKILL'), Math.random() * 30);
        }
      });
      child.on('exit', () => resolve());
    });
    await killedAt;
    return acknowledged;
  }

  it.each([1, 2, 3])(
    'keeps every acknowledged append after kill -9, and nothing half-written (round %i)',
    async () => {
      const acknowledged = await appendThenKill(300);
      const store = new SqliteEventStore({ dataDir: dir });
      try {
        for (const [streamId, ids] of acknowledged) {
          const stored = await collect(store.readStream(streamId));
          expect(stored.map((e) => e.eventId)).toEqual(ids);
        }
        const perStream = new Map<string, number>();
        for await (const event of store.readAll())
          perStream.set(event.streamId, (perStream.get(event.streamId) ?? 0) + 1);
        expect([...perStream.values()].every((count) => count === 3)).toBe(true);
        expect(perStream.size).toBeGreaterThanOrEqual(acknowledged.size);
      } finally {
        await store.close();
      }
    },
  );

  it('shows another process its new events within 100 ms (median)', async () => {
    const store = new SqliteEventStore({ dataDir: dir });
    const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: ['tick-'] } });
    const child = spawn(
      process.execPath,
      [fixture('append-with-timestamps.cjs'), dir, 'tick-1', '9'],
      { stdio: 'inherit' },
    );
    const delays: number[] = [];
    try {
      for await (const event of subscription) {
        delays.push(Date.now() - (event.data as { appendedAt: number }).appendedAt);
        if (delays.length === 9) break;
      }
    } finally {
      await subscription.stop();
      await store.close();
      await new Promise((resolve) =>
        child.exitCode === null ? child.on('exit', resolve) : resolve(undefined),
      );
    }
    const median = [...delays].sort((a, b) => a - b)[4] as number;
    expect(median).toBeLessThan(100);
  });
});
