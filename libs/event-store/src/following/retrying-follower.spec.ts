import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
import { testMetadata } from '../testing/event-factory.js';
import { RetryingFollower } from './retrying-follower.js';

describe('RetryingFollower', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-retrying-'));
    store = new SqliteEventStore({ dataDir: dir, pollMs: 10 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const append = (n: number) =>
    store.append(
      `tag-${n}`,
      [{ eventId: crypto.randomUUID(), type: 'TagCreated', data: { n }, metadata: testMetadata() }],
      { expectedRevision: 'any' },
    );
  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('retries a failed batch from the owner’s checkpoint, shows the failure until one goes through', async () => {
    const errors: string[] = [];
    const follower = new RetryingFollower(store, {
      context: 'test: applying',
      onError: (error, context) => errors.push(`${context}: ${(error as Error).message}`),
    });
    let checkpoint: bigint | undefined;
    const applied: bigint[] = [];
    let failNext = true;
    await append(1);
    follower.start(
      () => checkpoint,
      async (batch) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        for (const event of batch) applied.push(event.position);
        checkpoint = batch.at(-1)!.position;
      },
    );
    try {
      await until(() => follower.failure !== undefined);
      expect(follower.failure).toMatchObject({ message: 'disk full' });
      expect(errors).toEqual(['test: applying: disk full']);
      // After the pause (retryDelay(1): 500 ms) the same event comes again.
      await until(() => applied.length === 1);
      expect(follower.failure).toBeUndefined();
      await append(2);
      await until(() => applied.length === 2);
      expect(applied).toEqual([1n, 2n]);
    } finally {
      await follower.stop();
    }
  });

  it('stops during its pause without waiting it out', async () => {
    const follower = new RetryingFollower(store, { context: 'test' });
    await append(1);
    follower.start(
      () => undefined,
      () => {
        throw new Error('always');
      },
    );
    await until(() => follower.failure !== undefined);
    // The pause after a failure is 500 ms at least: stop interrupts it.
    const stopped = await Promise.race([
      follower.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still pausing'), 450)),
    ]);
    expect(stopped).toBe('stopped');
  });
});
