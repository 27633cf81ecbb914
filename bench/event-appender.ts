import { SqliteEventStore, type ExpectedRevision } from '@customer-workspace/event-store';
import type { Command } from './domain-events.js';

export interface Appended {
  readonly events: number;
  readonly commands: number;
  readonly seconds: number;
}

/**
 * Appends `commands` in order through the store's port, `concurrency` appends in flight at a
 * time: they share one transaction (group commit), so a million events take seconds, each
 * append with the stream revision it expects, as the command handler passes it.
 */
export async function appendCommands(
  dataDir: string,
  commands: Iterable<Command>,
  concurrency = 4000,
): Promise<Appended> {
  const store = new SqliteEventStore({ dataDir });
  const revisions = new Map<string, bigint>();
  let events = 0;
  let count = 0;
  const started = process.hrtime.bigint();
  try {
    let inFlight: Promise<unknown>[] = [];
    for (const { streamId, events: batch } of commands) {
      const head = revisions.get(streamId);
      const expectedRevision: ExpectedRevision = head ?? 'no_stream';
      revisions.set(streamId, (head ?? -1n) + BigInt(batch.length));
      inFlight.push(store.append(streamId, batch, { expectedRevision }));
      events += batch.length;
      count++;
      if (inFlight.length >= concurrency) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
  } finally {
    await store.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, commands: count, seconds };
}
