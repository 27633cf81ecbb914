import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
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
});
