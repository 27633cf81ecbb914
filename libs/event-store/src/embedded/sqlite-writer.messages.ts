import type { SynchronousLevel } from './sqlite-database.js';
import type { EncodedAppend, SentError } from './sqlite-event-writer.js';
import type { AppendResult } from '../event-store.port.js';

/** What the writer thread is started with (`workerData`). */
export interface WriterThreadSettings {
  readonly dataDir: string;
  readonly synchronous: SynchronousLevel;
}

export type ToWriterThread =
  | { readonly type: 'commit'; readonly batch: readonly EncodedAppend[] }
  | { readonly type: 'pragma'; readonly pragma: string }
  | { readonly type: 'close' };

export type SentOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: SentError };

export type FromWriterThread =
  | { readonly type: 'committed'; readonly outcomes: readonly SentOutcome[] }
  /** The storage failed: nothing of the batch was committed. */
  | { readonly type: 'failed'; readonly error: SentError }
  | { readonly type: 'pragma'; readonly result: unknown }
  | { readonly type: 'closed' };
