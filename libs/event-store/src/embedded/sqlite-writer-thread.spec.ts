import type { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuplicateEventId,
  EventStoreUnavailable,
  WrongExpectedVersion,
} from '../event-store.errors.js';
import { collect, testEvent, testEvents } from '../testing/event-factory.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { fromSentError, toSentError } from './sqlite-event-writer.js';

/** The writer thread's worker, reached for the tests that kill it. */
function writerWorker(store: SqliteEventStore): Worker | undefined {
  return (store as unknown as { writer: { worker?: Worker } }).writer.worker;
}

describe('the writer thread of the embedded store', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-writer-'));
    store = new SqliteEventStore({ dataDir: dir, writer: 'thread' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an append only once it is committed: a new connection reads it at once', async () => {
    const { position } = await store.append('s-1', testEvents(2), {
      expectedRevision: 'no_stream',
    });
    const other = new SqliteEventStore({ dataDir: dir });
    try {
      expect(await other.headPosition()).toBe(position);
      expect(await collect(store.readStream('s-1'))).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('commits the appends that arrive while a batch is held as the next batch, in order', async () => {
    const appends = Array.from({ length: 50 }, () =>
      store.append('s-1', [testEvent()], { expectedRevision: 'any' }),
    );
    const later = Array.from({ length: 50 }, () =>
      new Promise((resolve) => setImmediate(resolve)).then(() =>
        store.append('s-1', [testEvent()], { expectedRevision: 'any' }),
      ),
    );
    const results = await Promise.all([...appends, ...later]);
    expect(results.map((r) => r.nextRevision)).toEqual(
      Array.from({ length: 100 }, (_, i) => BigInt(i)),
    );
  });

  it('a thread that dies fails the batch it held as unavailable; the retry stores it once', async () => {
    await store.append('s-0', [testEvent()], { expectedRevision: 'no_stream' });
    const events = testEvents(3);
    const held = store.append('s-1', events, { expectedRevision: 'no_stream' });
    await new Promise((resolve) => setImmediate(resolve)); // the batch is posted
    await writerWorker(store)?.terminate();
    const outcome = await held.then(
      (result) => result,
      (error: unknown) => error,
    );
    // Killed before or after its commit: the caller cannot tell, so the answer must allow a retry.
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(EventStoreUnavailable);
    const retried = await store.append('s-1', events, { expectedRevision: 'no_stream' });
    expect(retried.nextRevision).toBe(2n);
    expect((await collect(store.readStream('s-1'))).map((e) => e.eventId)).toEqual(
      events.map((e) => e.eventId),
    );
  });

  it('closes after committing what was appended before the call, and refuses what comes after', async () => {
    const before = store.append('s-1', testEvents(2), { expectedRevision: 'no_stream' });
    const closing = store.close();
    await expect(
      store.append('s-1', testEvents(1), { expectedRevision: 'any' }),
    ).rejects.toMatchObject({ code: 'event-store-closed' });
    await closing;
    await expect(before).resolves.toMatchObject({ nextRevision: 1n });
    const reopened = new SqliteEventStore({ dataDir: dir });
    try {
      expect(await collect(reopened.readStream('s-1'))).toHaveLength(2);
    } finally {
      await reopened.close();
    }
  });
});

describe('errors crossing from the writer thread', () => {
  const across = (error: unknown) => fromSentError(structuredClone(toSentError(error)));

  it('keep their class and fields', () => {
    const conflict = across(new WrongExpectedVersion('s-1', 4n, 'no_stream'));
    expect(conflict).toBeInstanceOf(WrongExpectedVersion);
    expect(conflict).toMatchObject({ streamId: 's-1', expected: 4n, actual: 'no_stream' });
    const duplicate = across(new DuplicateEventId('s-2', 'e-1'));
    expect(duplicate).toBeInstanceOf(DuplicateEventId);
    expect(duplicate).toMatchObject({ streamId: 's-2', eventId: 'e-1' });
  });

  it('map a storage fault of SQLite as on the store thread, and keep other errors as errors', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const mapped = across(full);
    expect(mapped).toBeInstanceOf(EventStoreUnavailable);
    expect(mapped).toMatchObject({ reason: 'storage', code: 'event-store-storage' });
    const other = across(new TypeError('boom'));
    expect(other).toBeInstanceOf(Error);
    expect(other).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});
