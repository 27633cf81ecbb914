import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENTS_FILE_NAME } from '../embedded/sqlite-database.js';
import { SqliteEventStore } from '../embedded/sqlite-event-store.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import { collect, testEvent, testEvents } from '../testing/event-factory.js';
import { ScopedEventStore } from './scoped-event-store.js';
import { StreamScope } from './stream-scope.js';

const categories = ['partner-', 'customer-', 'invitation-'];

describe('ScopedEventStore: one deployment on a shared store', () => {
  let dir: string;
  let shared: SqliteEventStore;
  let production: ScopedEventStore;
  let staging: ScopedEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-scoped-'));
    shared = new SqliteEventStore({ dataDir: dir });
    production = new ScopedEventStore(shared, new StreamScope({ categories }));
    staging = new ScopedEventStore(shared, new StreamScope({ prefix: 'staging_', categories }));
  });
  afterEach(async () => {
    await shared.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Another application's event, written into the file as no code of ours would. */
  function plant(streamId: string, type: string, metadata = ''): void {
    const db = new Database(join(dir, EVENTS_FILE_NAME));
    db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, 0, ?, ?, ?)',
    ).run(randomUUID(), streamId, type, '{"shape":"other"}', metadata);
    db.close();
  }

  it('stores a prefixed deployment under its prefix and names streams as it knows them', async () => {
    await staging.append('customer-1', testEvents(2), { expectedRevision: 'no_stream' });
    expect(await collect(shared.readStream('staging_customer-1'))).toHaveLength(2);
    expect(await collect(shared.readStream('customer-1'))).toEqual([]);
    const read = await collect(staging.readStream('customer-1'));
    expect(read.map((e) => e.streamId)).toEqual(['customer-1', 'customer-1']);
    const conflict = staging.append('customer-1', testEvents(1), { expectedRevision: 0n });
    await expect(conflict).rejects.toBeInstanceOf(WrongExpectedVersion);
    await expect(conflict).rejects.toMatchObject({ streamId: 'customer-1' });
  });

  it('looks up an event’s revision under the stream name its deployment knows', async () => {
    const event = testEvent();
    await staging.append('customer-1', [testEvent(), event], { expectedRevision: 'no_stream' });
    expect(await staging.revisionOf?.('customer-1', event.eventId)).toBe(1n);
    expect(await production.revisionOf?.('customer-1', event.eventId)).toBeUndefined();
  });

  it('two deployments never see each other, nor foreign events, in $all or the head', async () => {
    const ours = await production.append('customer-1', testEvents(1), {
      expectedRevision: 'no_stream',
    });
    plant('envelope-7', 'CustomerAdded');
    plant('$$$all', '$metadata', '{}');
    const theirs = await staging.append('customer-1', testEvents(1), {
      expectedRevision: 'no_stream',
    });
    plant('envelope-8', 'CustomerAdded', '{"partnerId":"p"}');

    const seen = (await collect(production.readAll())).map((e) => e.position);
    expect(seen).toEqual([ours.position]);
    expect((await collect(staging.readAll())).map((e) => e.position)).toEqual([theirs.position]);
    expect(await production.headPosition()).toBe(ours.position);
    // A reader's filter outside our categories gets nothing, not everything of ours.
    const outside = { streamNamePrefixes: ['envelope-'] };
    expect(await collect(production.readAll({ filter: outside }))).toEqual([]);
    expect(await production.headPosition(outside)).toBe(0n);
    expect(await staging.headPosition()).toBe(theirs.position);

    const subscription = production.subscribeToAll();
    const live = production.append('partner-1', testEvents(1), { expectedRevision: 'no_stream' });
    const received = [];
    for await (const event of subscription) {
      received.push(event.streamId);
      if (received.length === 2) break;
    }
    await subscription.stop();
    await live;
    expect(received).toEqual(['customer-1', 'partner-1']);
  });

  it('applies an event-type filter, and its count, to our categories only', async () => {
    const accepted = { eventTypePrefixes: ['Accepted'] };
    plant('other-1', 'Accepted');
    await production.append('invitation-1', [testEvent('Requested'), testEvent('Accepted')], {
      expectedRevision: 'no_stream',
    });
    await production.append('invitation-2', [testEvent('Accepted')], {
      expectedRevision: 'no_stream',
    });
    const read = await collect(production.readAll({ filter: accepted, maxCount: 1 }));
    expect(read.map((e) => [e.streamId, e.type])).toEqual([['invitation-1', 'Accepted']]);
    const all = await collect(production.readAll({ filter: accepted }));
    expect(all.map((e) => e.streamId)).toEqual(['invitation-1', 'invitation-2']);
    expect(await production.headPosition(accepted)).toBe(all[1]!.position);
  });

  it('still fails loudly on an event of ours it cannot read', async () => {
    plant('customer-9', 'CustomerAdded');
    await expect(collect(production.readAll())).rejects.toThrow(/unreadable metadata/);
  });
});
