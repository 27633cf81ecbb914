import { EventStoreStartupError, EventStoreUnavailable } from '../event-store.errors.js';
import { collect, testEvents } from '../testing/event-factory.js';
import { EsdbEventStore } from './esdb-event-store.js';

// Nothing listens on port 1: every call meets a server that cannot be reached.
const UNREACHABLE = 'esdb://127.0.0.1:1?tls=false';

describe('EsdbEventStore without a reachable server', () => {
  let store: EsdbEventStore;
  afterEach(async () => store?.close());

  it('refuses a malformed connection string at construction, without echoing it', () => {
    const attempt = (): EsdbEventStore => new EsdbEventStore('http://admin:s3cret@localhost:2113');
    expect(attempt).toThrow(EventStoreStartupError);
    expect(attempt).toThrow(/EVENTSTORE_CONNECTION_STRING/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('fails ping, append and reads with EventStoreUnavailable', async () => {
    store = new EsdbEventStore(UNREACHABLE);
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailable);
    await expect(
      store.append('thing-1', testEvents(1), { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(EventStoreUnavailable);
    await expect(collect(store.readStream('thing-1'))).rejects.toBeInstanceOf(
      EventStoreUnavailable,
    );
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailable);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailable);
  });

  it('keeps resubscribing while the server is unreachable, until stopped', async () => {
    const drops: unknown[] = [];
    store = new EsdbEventStore({
      connectionString: UNREACHABLE,
      resubscribeBackoff: { initialMs: 5, maxMs: 20 },
      onSubscriptionDropped: (reason) => drops.push(reason),
    });
    const subscription = store.subscribeToAll();
    const iteration = collect(subscription);
    while (drops.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();
    await expect(iteration).resolves.toEqual([]);
  });

  it('ends open subscriptions and refuses every call once closed', async () => {
    store = new EsdbEventStore(UNREACHABLE);
    const iteration = collect(store.subscribeToAll());
    await store.close();
    await expect(iteration).resolves.toEqual([]);
    await expect(store.ping()).rejects.toMatchObject({ reason: 'closed' });
    expect(() => store.subscribeToAll()).toThrow(EventStoreUnavailable);
  });
});
