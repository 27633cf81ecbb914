import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuplicateEventId,
  EventStoreUnavailable,
  WrongExpectedVersion,
} from '../event-store.errors.js';
import { collect, testEvent, testEvents } from '../testing/event-factory.js';
import { SqliteEventStore, type WriterMode } from './sqlite-event-store.js';

describe.each<WriterMode>(['inline', 'thread'])(
  'SqliteEventStore (embedded-specific behaviour), %s writer',
  (writer) => {
    let dir: string;
    let store: SqliteEventStore;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cw-events-'));
      store = new SqliteEventStore({ dataDir: dir, pollMs: 60_000, writer });
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('group commit: appends issued together succeed or fail each on its own', async () => {
      const [a, b, c] = await Promise.allSettled([
        store.append('s-1', testEvents(2), { expectedRevision: 'no_stream' }),
        store.append('s-1', testEvents(1), { expectedRevision: 'no_stream' }),
        store.append('s-2', testEvents(1), { expectedRevision: 'no_stream' }),
      ]);
      expect(a).toMatchObject({ status: 'fulfilled', value: { nextRevision: 1n } });
      expect(b).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersion) });
      expect(c).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0n } });
      expect(await collect(store.readStream('s-1'))).toHaveLength(2);
    });

    it('an append that fails half-way stores none of its events', async () => {
      const duplicate = testEvent();
      const error = await store
        .append('s-1', [testEvent(), duplicate, duplicate], { expectedRevision: 'no_stream' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateEventId);
      expect(await collect(store.readStream('s-1'))).toEqual([]);
      expect(await store.headPosition()).toBe(0n);
    });

    it('refuses event ids stored under another stream instead of storing them twice', async () => {
      const events = testEvents(2);
      await store.append('s-1', events, { expectedRevision: 'no_stream' });
      await expect(
        store.append('s-2', events, { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(DuplicateEventId);
      expect(await collect(store.readStream('s-2'))).toEqual([]);
    });

    it('wakes a live subscriber in the same process at once, without waiting for a poll', async () => {
      // pollMs is 60 s here: only the in-process notification can deliver within the test timeout.
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const next = iterator.next();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await store.append('s-1', [testEvent()], { expectedRevision: 'any' });
      await expect(next).resolves.toMatchObject({ done: false, value: { streamId: 's-1' } });
      await subscription.stop();
    });

    it('wakes its subscribers at once when told of an append another connection made', async () => {
      // Both stores poll once a minute: only the `appendsElsewhere` signal delivers in time.
      let wake: (() => void) | undefined;
      const follower = new SqliteEventStore({
        dataDir: dir,
        pollMs: 60_000,
        appendsElsewhere: (wakeUp) => (wake = wakeUp),
      });
      try {
        const subscription = follower.subscribeToAll();
        const next = subscription[Symbol.asyncIterator]().next();
        await new Promise((resolve) => setTimeout(resolve, 20));
        await store.append('s-1', [testEvent()], { expectedRevision: 'any' });
        wake?.();
        await expect(next).resolves.toMatchObject({ done: false, value: { streamId: 's-1' } });
        await subscription.stop();
      } finally {
        await follower.close();
      }
    });

    it('looks up the revision of an event by its id, in its own stream only', async () => {
      const [a, b] = [testEvent(), testEvent()];
      await store.append('s-1', [testEvent(), a], { expectedRevision: 'no_stream' });
      await store.append('s-2', [b], { expectedRevision: 'no_stream' });
      expect(await store.revisionOf('s-1', a.eventId)).toBe(1n);
      expect(await store.revisionOf('s-2', b.eventId)).toBe(0n);
      expect(await store.revisionOf('s-2', a.eventId)).toBeUndefined();
      expect(await store.revisionOf('s-1', testEvent().eventId)).toBeUndefined();
    });

    it('reports the head position and answers ping until closed', async () => {
      expect(await store.headPosition()).toBe(0n);
      const { position } = await store.append('s-1', testEvents(3), { expectedRevision: 'any' });
      expect(await store.headPosition()).toBe(position);
      await store.close();
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailable);
      await expect(
        store.append('s-1', testEvents(1), { expectedRevision: 'any' }),
      ).rejects.toMatchObject({
        code: 'event-store-closed',
      });
    });

    it('refuses an empty append', async () => {
      await expect(store.append('s-1', [], { expectedRevision: 'any' })).rejects.toThrow(
        'at least one event',
      );
    });

    it('stores data and metadata as RFC 8785 text, and hands it to a read that asks for it', async () => {
      const data = { name: 'VIP', colour: { r: 1, b: 0.5 }, tags: [{ z: 1, a: 2 }], big: 1e21 };
      const event = testEvent();
      const metadata = { ...event.metadata, zeta: { upn: 'a@b.example', role: 'admin-agent' } };
      await store.append('s-1', [{ ...event, data, metadata }], {
        expectedRevision: 'no_stream',
      });
      const db = new Database(join(dir, 'events.db'), { readonly: true });
      try {
        const row = db.prepare('SELECT data, metadata FROM events').get() as Record<string, string>;
        // The reference implementation's text, byte for byte.
        expect(row).toEqual({ data: canonicalize(data), metadata: canonicalize(metadata) });
        const [withText] = await collect(store.readAll({ storedJson: true }));
        expect(withText!.storedJson).toEqual(row);
        expect(withText!.data).toEqual(data);
        const [plain] = await collect(store.readAll());
        expect(plain!.storedJson).toBeUndefined();
      } finally {
        db.close();
      }
    });
  },
);
