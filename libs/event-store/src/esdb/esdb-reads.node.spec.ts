import { EventStoreDBClient, FORWARDS, type Position } from '@eventstore/db-client';
import { testEvents, uniqueCategory } from '../testing/event-factory.js';
import { toEventData } from './esdb-mapping.js';
import { drain, userEvents } from './esdb-reads.js';

// Needs a real node (README: Testing against EventStoreDB); skipped without one.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const onNode = connectionString ? describe : describe.skip;

onNode('drain: a read of EventStoreDB stopped early', () => {
  it('lets the client dispose promptly after a consumer stops a long read of $all', async () => {
    const client = EventStoreDBClient.connectionString(connectionString!);
    const skipped = uniqueCategory('skipped');
    const category = uniqueCategory('drain');
    await client.appendToStream(`${skipped}-1`, testEvents(2000).map(toEventData));
    await client.appendToStream(`${category}-1`, testEvents(4).map(toEventData));
    let from: Position | undefined;
    for await (const resolved of client.readStream(`${skipped}-1`, { maxCount: 1 }))
      from = resolved.event?.position;
    // From the first skipped event on, filtered here: the call is still sending when the
    // consumer stops (a node's whole log would do the same, only slower).
    const read = client.readAll({ fromPosition: from!, direction: FORWARDS });
    let taken = 0;
    for await (const event of userEvents(drain(read), { streamNamePrefixes: [category] })) {
      void event;
      if (++taken === 3) break;
    }
    const disposed = client.dispose().then(() => 'disposed');
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000, 'still open'));
    expect(await Promise.race([disposed, timeout])).toBe('disposed');
  });
});
