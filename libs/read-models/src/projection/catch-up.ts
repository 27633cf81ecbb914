import type Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore, RecordedEvent } from '@customer-workspace/event-store';
import type { BatchApplier } from './batch-applier.js';
import { readCheckpoint } from './read-model-database.js';

/** How far a catch-up has come: positions (for the embedded store, event counts) and events. */
export interface CatchUpProgress {
  readonly position: bigint;
  readonly head: bigint;
  readonly events: number;
}

export interface CatchUpOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CatchUpProgress) => void;
  /** Events per transaction. */
  readonly batchSize?: number;
}

/**
 * Applies every stored event after the read model's checkpoint, reading `$all` directly (faster
 * than a subscription), until it has reached the head of the store as it was at the last pass.
 * Aborting stops between batches; what was committed stays consistent with its checkpoint.
 */
export async function catchUp(
  store: EventStore,
  db: Database.Database,
  applier: BatchApplier,
  options: CatchUpOptions = {},
): Promise<bigint | undefined> {
  const batchSize = options.batchSize ?? 5000;
  let checkpoint = readCheckpoint(db);
  let events = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const head = await store.headPosition();
    if (head === 0n || (checkpoint !== undefined && checkpoint >= head)) return checkpoint;
    let batch: RecordedEvent[] = [];
    let read = 0;
    const flush = async (): Promise<void> => {
      checkpoint = applier(batch) ?? checkpoint;
      events += batch.length;
      batch = [];
      options.onProgress?.({ position: checkpoint ?? 0n, head, events });
      await nextTurn();
      options.signal?.throwIfAborted();
    };
    for await (const event of store.readAll({ fromPosition: checkpoint ?? 'start' })) {
      if (checkpoint !== undefined && event.position <= checkpoint) continue;
      batch.push(event);
      read++;
      if (batch.length >= batchSize) await flush();
      if (event.position >= head) break;
    }
    if (batch.length > 0) await flush();
    if (read === 0) return checkpoint;
  }
}
