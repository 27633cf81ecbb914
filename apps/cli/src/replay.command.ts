import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { EventStore, RecordedEvent } from '../../../libs/event-store/src/index.js';

export interface ReplayOptions {
  /** First global position to print (inclusive). */
  readonly from?: bigint;
  /** Last global position to print (inclusive). */
  readonly to?: bigint;
}

/** One event as an NDJSON line; positions and revisions are decimal strings (they are 64-bit). */
export function toNdjsonLine(event: RecordedEvent): string {
  const { position, revision, ...rest } = event;
  return `${JSON.stringify({ position: position.toString(), streamId: rest.streamId, revision: revision.toString(), eventId: rest.eventId, type: rest.type, data: rest.data, metadata: rest.metadata })}\n`;
}

/**
 * `replay`: the raw event stream in global order as NDJSON, for auditors. Honours the output's
 * backpressure, so replaying millions of events to a slow pipe does not fill memory.
 */
export async function replay(
  store: EventStore,
  out: Writable,
  options: ReplayOptions,
): Promise<number> {
  let count = 0;
  for await (const event of store.readAll({ fromPosition: options.from ?? 'start' })) {
    if (options.to !== undefined && event.position > options.to) break;
    if (!out.write(toNdjsonLine(event))) await once(out, 'drain');
    count++;
  }
  return count;
}
