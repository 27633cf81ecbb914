import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuditLedger } from '@customer-workspace/audit';
import type { EventStore, RecordedEvent } from '@customer-workspace/event-store';
import type { ProgressReporter } from './progress-reporter.js';

/**
 * Brings the audit tree up to the store's head as it is now: the events after the tree's
 * checkpoint, exactly as stored, appended a batch at a time. Safe while the api runs and keeps
 * the same tree: each append skips what the other already put in. Answers the events appended.
 */
export async function updateAuditTree(
  stored: EventStore,
  ledger: AuditLedger,
  reporter?: ProgressReporter,
  batchSize = 1000,
): Promise<number> {
  const head = await stored.headPosition();
  const from = ledger.tree.checkpoint();
  let batch: RecordedEvent[] = [];
  let events = 0;
  const flush = async (): Promise<void> => {
    const position = ledger.append(batch) ?? 0n;
    events += batch.length;
    batch = [];
    reporter?.update({ position, head, events });
    await nextTurn();
  };
  try {
    if (from !== undefined && from >= head) return 0;
    for await (const event of stored.readAll({ fromPosition: from ?? 'start' })) {
      if (from !== undefined && event.position <= from) continue;
      if (event.position > head) break;
      batch.push(event);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    return events;
  } finally {
    reporter?.stop();
  }
}
