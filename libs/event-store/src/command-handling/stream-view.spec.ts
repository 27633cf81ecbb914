import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
import type { RecordedEvent } from '../event-envelope.js';
import { StreamDeleted } from '../event-store.errors.js';
import type { EventStore } from '../event-store.port.js';
import { testEvent } from '../testing/event-factory.js';
import { type RecordedFold, StreamView } from './stream-view.js';

/** Counts the events folded and keeps the revisions seen, so a test sees what was read. */
const seen: RecordedFold<readonly bigint[]> = {
  initialState: () => [],
  evolve: (state, event) => [...state, event.revision],
};

describe('StreamView', () => {
  let dir: string;
  let store: SqliteEventStore;
  const reads: (bigint | undefined)[] = [];
  let recording: EventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-view-'));
    store = new SqliteEventStore({ dataDir: dir });
    reads.length = 0;
    recording = {
      ...store,
      append: (id, events, options) => store.append(id, events, options),
      readAll: (options) => store.readAll(options),
      readStream: (id, options) => {
        reads.push(options?.fromRevision);
        return store.readStream(id, options);
      },
    } as EventStore;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds the whole stream at first, then only what was appended since: always current', async () => {
    const view = new StreamView(recording, seen);
    await store.append('s-1', [testEvent(), testEvent()], { expectedRevision: 'any' });
    const first = await view.load('s-1');
    await store.append('s-1', [testEvent()], { expectedRevision: 'any' });
    const second = await view.load('s-1');
    expect(first).toMatchObject({ state: [0n, 1n], revision: 1n });
    expect(second).toMatchObject({ state: [0n, 1n, 2n], revision: 2n });
    expect(reads).toEqual([undefined, 2n]);
  });

  it('answers an unknown stream with the initial state and revision -1', async () => {
    const view = new StreamView(recording, seen);
    expect(await view.load('nothing-here')).toEqual({ state: [], revision: -1n, position: 0n });
  });

  it('keeps no fold when told to keep none, reading the whole stream each time', async () => {
    const view = new StreamView(recording, seen, 0);
    await store.append('s-1', [testEvent()], { expectedRevision: 'any' });
    await view.load('s-1');
    await view.load('s-1');
    expect(reads).toEqual([undefined, undefined]);
  });

  /** A store whose one stream is whatever `events` holds now (revisions as given). */
  function storeOf(events: { revisions: bigint[]; deleted?: boolean }): EventStore {
    return {
      readStream: (_id: string, options?: { fromRevision?: bigint }) =>
        (async function* () {
          if (events.deleted) throw new StreamDeleted('s-1');
          for (const revision of events.revisions)
            if (revision >= (options?.fromRevision ?? 0n))
              yield {
                ...testEvent(),
                streamId: 's-1',
                revision,
                position: revision + 1n,
              } as RecordedEvent;
        })(),
    } as unknown as EventStore;
  }

  it('folds the whole stream again when its tail does not follow the fold (deleted and rewritten)', async () => {
    const events = { revisions: [0n, 1n] };
    const view = new StreamView(storeOf(events), seen);
    await view.load('s-1');
    events.revisions = [5n, 6n];
    expect(await view.load('s-1')).toMatchObject({ state: [5n, 6n], revision: 6n });
  });

  it('forgets the fold of a stream found deleted', async () => {
    const events: { revisions: bigint[]; deleted?: boolean } = { revisions: [0n, 1n] };
    const view = new StreamView(storeOf(events), seen);
    await view.load('s-1');
    events.deleted = true;
    await expect(view.load('s-1')).rejects.toBeInstanceOf(StreamDeleted);
    events.deleted = false;
    events.revisions = [2n];
    expect(await view.load('s-1')).toMatchObject({ state: [2n], revision: 2n });
  });
});
