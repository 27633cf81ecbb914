import { createEventStore, type ScopedEventStore } from '@customer-workspace/event-store';
import { WORKSPACE_STREAM_CATEGORIES, WORKSPACE_UPCASTERS } from '@customer-workspace/read-models';

/** The store settings a worker thread opens the workspace's event store with. */
export interface ThreadStoreSettings {
  readonly dataDir: string;
  readonly connectionString: string | undefined;
  readonly streamPrefix: string | undefined;
}

/**
 * In a worker thread: the workspace's event store over a connection of the thread's own, and
 * `wake`, to call when the main thread says it appended (its subscribers read at once instead
 * of at their next poll).
 */
export function openThreadEventStore(settings: ThreadStoreSettings): {
  store: ScopedEventStore;
  wake: () => void;
} {
  const wakeUps: (() => void)[] = [];
  const store = createEventStore({
    connectionString: settings.connectionString,
    dataDir: settings.dataDir,
    streamPrefix: settings.streamPrefix,
    categories: WORKSPACE_STREAM_CATEGORIES,
    upcasters: WORKSPACE_UPCASTERS,
    appendsElsewhere: (wake) => wakeUps.push(wake),
  });
  return { store, wake: () => wakeUps.forEach((wake) => wake()) };
}
