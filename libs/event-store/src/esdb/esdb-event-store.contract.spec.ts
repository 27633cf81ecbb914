import { eventStoreContract } from '../testing/event-store.contract.js';
import { EsdbEventStore } from './esdb-event-store.js';

// Runs against a real node (e.g. docker/docker-compose.yml) when one is configured.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describe('EventStore contract: EventStoreDB', () => {
    eventStoreContract({
      open: async () => new EsdbEventStore({ connectionString }),
      reopen: async (store) => {
        await store.close();
        return new EsdbEventStore({ connectionString });
      },
    });
  });
} else {
  console.log('EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set');
  describe.skip('EventStore contract: EventStoreDB', () => {
    it('needs EVENTSTORE_CONNECTION_STRING', () => undefined);
  });
}
