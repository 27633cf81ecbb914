import type { Upcasters } from '@customer-workspace/kernel';
import { SqliteEventStore } from './embedded/sqlite-event-store.js';
import type { SynchronousLevel } from './embedded/sqlite-database.js';
import type { AppendsElsewhere, WriterMode } from './embedded/sqlite-event-store.js';
import type { EventStore } from './event-store.port.js';
import { EsdbEventStore } from './esdb/esdb-event-store.js';
import { ScopedEventStore } from './scope/scoped-event-store.js';
import { StreamScope } from './scope/stream-scope.js';

export interface EventStoreSettings {
  /** When set, EventStoreDB/KurrentDB is used; otherwise the embedded store in `dataDir`. */
  readonly connectionString?: string | undefined;
  readonly dataDir: string;
  readonly synchronous?: SynchronousLevel;
  /** The embedded store only: where its group commits run (`inline` unless told). */
  readonly writer?: WriterMode | undefined;
  /** The stream categories this deployment owns (`customer-`, …): all it ever reads of `$all`. */
  readonly categories: readonly string[];
  /** Prefixed to every stream this deployment writes and reads (`EVENTSTORE_STREAM_PREFIX`). */
  readonly streamPrefix?: string | undefined;
  /**
   * The domain's event schema versions and upcasters (`CUSTOMERS_UPCASTERS`): every event read
   * is handed over in its current shape. Without them, events are read as stored.
   */
  readonly upcasters?: Upcasters | undefined;
  /** The embedded store only: appends another connection made, told at once (see the adapter). */
  readonly appendsElsewhere?: AppendsElsewhere | undefined;
}

/** The adapter the settings ask for, scoped to this deployment's streams, its events upcast. */
export function createEventStore(settings: EventStoreSettings): ScopedEventStore {
  const scope = new StreamScope({
    categories: settings.categories,
    ...(settings.streamPrefix !== undefined && { prefix: settings.streamPrefix }),
  });
  return new ScopedEventStore(openAdapter(settings), scope, settings.upcasters);
}

function openAdapter(settings: EventStoreSettings): EventStore {
  if (settings.connectionString) return new EsdbEventStore(settings.connectionString);
  return new SqliteEventStore({
    dataDir: settings.dataDir,
    synchronous: settings.synchronous ?? 'FULL',
    ...(settings.writer && { writer: settings.writer }),
    ...(settings.appendsElsewhere && { appendsElsewhere: settings.appendsElsewhere }),
  });
}
