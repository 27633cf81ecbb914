import type { EventStore, RecordedEvent } from '@customer-workspace/event-store';

/** Events read past to reach the next one asked for, before a fresh read from it is cheaper. */
const MAX_SKIP = 256;

/**
 * Stored events by position, asked for in ascending order (a partner's entries): one forward
 * read serves neighbouring positions, and a position far ahead starts a new read there, so a
 * partner with most of the log costs one pass and one with a few entries a few reads.
 */
export class ForwardEventReader {
  private iterator?: AsyncIterator<RecordedEvent>;

  constructor(private readonly store: EventStore) {}

  /** The event at `position`, or undefined when the store holds none there. */
  async at(position: bigint): Promise<RecordedEvent | undefined> {
    for (let skipped = 0; this.iterator && skipped <= MAX_SKIP; skipped++) {
      const next = await this.iterator.next();
      if (next.done || next.value.position > position) break;
      if (next.value.position === position) return next.value;
    }
    await this.close();
    this.iterator = this.store.readAll({ fromPosition: position })[Symbol.asyncIterator]();
    const first = await this.iterator.next();
    return !first.done && first.value.position === position ? first.value : undefined;
  }

  async close(): Promise<void> {
    const iterator = this.iterator;
    this.iterator = undefined;
    await iterator?.return?.();
  }
}
