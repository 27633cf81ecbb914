import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { EsdbEventStore } from './esdb-event-store.js';

// Runs against a real node when one is configured (README: Testing against EventStoreDB).
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describe('EventStore contract: EventStoreDB', () => {
    let raw: EventStoreDBClient;
    beforeAll(() => {
      raw = EventStoreDBClient.connectionString(connectionString);
    });
    afterAll(() => raw.dispose());

    eventStoreContract({
      open: async () => new EsdbEventStore({ connectionString }),
      reopen: async (store) => {
        await store.close();
        return new EsdbEventStore({ connectionString });
      },
      // Through the plain client, as another application on the node writes.
      plant: async (streamId, event) => {
        await raw.appendToStream(streamId, {
          ...jsonEvent({ id: randomUUID(), type: event.type, data: {} }),
          contentType: 'application/octet-stream',
          data: Buffer.from(event.data),
          metadata: event.metadata === undefined ? undefined : Buffer.from(event.metadata),
        } as never);
      },
    });
  });
} else {
  console.log('EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set');
  describe.skip('EventStore contract: EventStoreDB', () => {
    it('needs EVENTSTORE_CONNECTION_STRING', () => undefined);
  });
}
