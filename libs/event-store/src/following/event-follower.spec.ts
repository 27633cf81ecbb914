import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../event-envelope.js';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
import { testEvents } from '../testing/event-factory.js';
import { EventFollower } from './event-follower.js';

describe('EventFollower', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-follower-'));
    store = new SqliteEventStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands over what is there in batches of at most batchSize, after the checkpoint', async () => {
    await store.append('tally-1', testEvents(7), { expectedRevision: 'no_stream' });
    const follower = new EventFollower(store, 3);
    const batches: bigint[][] = [];
    const following = follower.follow(2n, (batch) => {
      batches.push(batch.map((event) => event.position));
      if (batches.flat().length === 5) void follower.stop();
    });
    await following;
    expect(batches.flat()).toEqual([3n, 4n, 5n, 6n, 7n]);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(3);
  });

  it('after an interrupt, applies no further batch', async () => {
    const follower = new EventFollower(store);
    const applied: RecordedEvent[] = [];
    const following = follower.follow(undefined, (batch) => {
      applied.push(...batch);
      follower.interrupt();
    });
    await store.append('tally-1', testEvents(1), { expectedRevision: 'no_stream' });
    await following;
    await store.append('tally-1', testEvents(1), { expectedRevision: 0n });
    expect(applied.map((event) => event.position)).toEqual([1n]);
  });

  it('ends with the error of a batch that throws', async () => {
    await store.append('tally-1', testEvents(1), { expectedRevision: 'no_stream' });
    const follower = new EventFollower(store);
    await expect(
      follower.follow(undefined, () => {
        throw new Error('cannot apply');
      }),
    ).rejects.toThrow('cannot apply');
  });
});
