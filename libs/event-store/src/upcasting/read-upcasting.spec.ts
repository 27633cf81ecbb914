import { type Upcaster, Upcasters, UnreadableEventVersion } from '@customer-workspace/kernel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '../create-event-store.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type { ScopedEventStore } from '../scope/scoped-event-store.js';
import { collect, testEvent, testMetadata } from '../testing/event-factory.js';
import { ReadUpcasting } from './read-upcasting.js';

/** A test event whose v1 held one `name` and whose v2 splits it. */
const splitName: Upcaster = {
  type: 'NameGiven',
  fromVersion: 1,
  upcast: ({ type, data }) => {
    const [first, last] = (data as { name: string }).name.split(' ');
    return { type, data: { first, last } };
  },
};
/** Later, v2 became `Named` (v3). */
const rename: Upcaster = {
  type: 'NameGiven',
  fromVersion: 2,
  upcast: ({ data }) => ({ type: 'Named', data }),
};

function stored(type: string, data: unknown, schemaVersion: number): NewEvent {
  return { ...testEvent(type, data), metadata: testMetadata({ schemaVersion }) };
}

const v1 = stored('NameGiven', { name: 'Ada Lovelace' }, 1);
const upcast = { type: 'NameGiven', data: { first: 'Ada', last: 'Lovelace' } };
const essentials = (event: RecordedEvent) => ({
  type: event.type,
  data: event.data,
  schemaVersion: event.metadata.schemaVersion,
  streamId: event.streamId,
});

describe.each([
  ['', 'direct reads'],
  ['staging_', 'a prefixed deployment'],
])('upcasting on the embedded store (prefix "%s": %s)', (prefix) => {
  let dir: string;
  let store: ScopedEventStore;
  const open = (upcasters: Upcasters) =>
    createEventStore({ dataDir: dir, categories: ['people-'], streamPrefix: prefix, upcasters });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-upcast-'));
    store = open(new Upcasters({ NameGiven: 2, Counted: 1 }, [splitName]));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('readStream, readAll and subscribeToAll deliver a v1 event as v2', async () => {
    await store.append('people-1', [v1, stored('Counted', { n: 1 }, 1)], {
      expectedRevision: 'no_stream',
    });
    const expected = [
      { ...upcast, schemaVersion: 2, streamId: 'people-1' },
      { type: 'Counted', data: { n: 1 }, schemaVersion: 1, streamId: 'people-1' },
    ];
    expect((await collect(store.readStream('people-1'))).map(essentials)).toEqual(expected);
    expect((await collect(store.readAll())).map(essentials)).toEqual(expected);
    const typed = store.readAll({ filter: { eventTypePrefixes: ['Name'] } });
    expect((await collect(typed)).map(essentials)).toEqual([expected[0]]);
    const subscription = store.subscribeToAll();
    const received: RecordedEvent[] = [];
    for await (const event of subscription) if (received.push(event) === 2) break;
    await subscription.stop();
    expect(received.map(essentials)).toEqual(expected);
  });

  it('hands the same events over exactly as stored through asStored(), which closes nothing', async () => {
    const later = stored('NameGiven', { given: 'Ada' }, 3);
    await store.append('people-1', [v1, later], { expectedRevision: 'no_stream' });
    const raw = store.asStored();
    const asStored = [
      { type: 'NameGiven', data: { name: 'Ada Lovelace' }, schemaVersion: 1, streamId: 'people-1' },
      { type: 'NameGiven', data: { given: 'Ada' }, schemaVersion: 3, streamId: 'people-1' },
    ];
    expect((await collect(raw.readAll())).map(essentials)).toEqual(asStored);
    expect((await collect(raw.readStream('people-1'))).map(essentials)).toEqual(asStored);
    await expect(collect(store.readAll())).rejects.toThrow(UnreadableEventVersion);
    await raw.close();
    // The store's own adapter is still open.
    expect(await store.headPosition()).toBeGreaterThan(0n);
  });

  it('finds a renamed event under its new name', async () => {
    await store.close();
    store = open(new Upcasters({ Named: 3 }, [splitName, rename]));
    await store.append('people-1', [v1], { expectedRevision: 'no_stream' });
    const read = await collect(store.readAll({ filter: { eventTypePrefixes: ['Named'] } }));
    expect(read.map(essentials)).toEqual([
      { type: 'Named', data: upcast.data, schemaVersion: 3, streamId: 'people-1' },
    ]);
  });

  it('fails loudly on an event newer than this build knows, on every read', async () => {
    const later = stored('NameGiven', { given: 'Ada' }, 3);
    await store.append('people-1', [later], { expectedRevision: 'no_stream' });
    const message =
      /Event NameGiven v3 \(event .* of stream people-1 .*\) is newer than this build knows \(v2\)/;
    await expect(collect(store.readStream('people-1'))).rejects.toThrow(message);
    await expect(collect(store.readAll())).rejects.toThrow(UnreadableEventVersion);
    const subscription = store.subscribeToAll();
    await expect(collect(subscription)).rejects.toThrow(message);
    await subscription.stop();
  });
});

describe('ReadUpcasting', () => {
  const event = (type: string, schemaVersion: number): RecordedEvent => ({
    ...stored(type, { name: 'Ada Lovelace' }, schemaVersion),
    streamId: 'people-1',
    revision: 0n,
    position: 1n,
  });

  it('passes a current event, or one of a type it does not know, on as it is', () => {
    const upcasting = new ReadUpcasting(new Upcasters({ NameGiven: 2 }, [splitName]));
    const current = event('NameGiven', 2);
    expect(upcasting.current(current)).toBe(current);
    const foreign = event('Counted', 5);
    expect(upcasting.current(foreign)).toBe(foreign);
  });

  it('without upcasters, leaves reads as the adapter made them', () => {
    const none = new ReadUpcasting(undefined);
    const events = (async function* (): AsyncGenerator<RecordedEvent> {})();
    expect(none.each(events)).toBe(events);
  });
});
