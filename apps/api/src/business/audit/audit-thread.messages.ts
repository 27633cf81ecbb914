import type { ThreadLog } from '../../platform/threads/thread-log.js';
import type { ThreadStoreSettings } from '../../platform/threads/thread-event-store.js';

/** What the audit thread needs to open the store and the ledger (its `workerData`). */
export interface AuditThreadSettings extends ThreadStoreSettings {
  readonly signingKey: string | undefined;
  readonly checkpointIntervalMs: number;
}

/** From the audit thread: it runs, a batch committed up to a checkpoint, a failure, a log line. */
export type FromAuditThread =
  | { readonly type: 'started' }
  | { readonly type: 'tree'; readonly checkpoint: bigint }
  | {
      readonly type: 'failed';
      readonly failure: { readonly message: string; readonly since: string };
    }
  | ThreadLog;

/** From the main thread: it appended events (follow now), or shut down. */
export type ToAuditThread = { readonly type: 'appended' } | { readonly type: 'stop' };
