import type { ProjectionStatus } from '@customer-workspace/read-models';
import type { ThreadLog } from '../threads/thread-log.js';
import type { ThreadStoreSettings } from '../threads/thread-event-store.js';

/** What the projection thread needs to open the store and the read models (its `workerData`). */
export interface ProjectionThreadSettings extends ThreadStoreSettings {
  readonly personalDataKeysDir: string;
}

/** From the projection thread to the api's main thread. */
export type FromProjectionThread =
  | { readonly type: 'status'; readonly status: ProjectionStatus; readonly file: string }
  | { readonly type: 'checkpoint'; readonly name: string; readonly position: bigint }
  | ThreadLog;

/** From the main thread: it appended events (wake up now), or shut down. */
export type ToProjectionThread = { readonly type: 'appended' } | { readonly type: 'stop' };
