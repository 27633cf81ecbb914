import { SqliteEventStore } from './embedded/sqlite-event-store.js';
import type { SynchronousLevel } from './embedded/sqlite-database.js';
import type { EventStore } from './event-store.port.js';
import { EsdbEventStore } from './esdb/esdb-event-store.js';

export interface EventStoreSettings {
  /** When set, EventStoreDB/KurrentDB is used; otherwise the embedded store in `dataDir`. */
  readonly connectionString?: string | undefined;
  readonly dataDir: string;
  readonly synchronous?: SynchronousLevel;
}

/** The adapter the settings ask for. */
export function createEventStore(settings: EventStoreSettings): EventStore {
  if (settings.connectionString) return new EsdbEventStore(settings.connectionString);
  return new SqliteEventStore({
    dataDir: settings.dataDir,
    synchronous: settings.synchronous ?? 'FULL',
  });
}
