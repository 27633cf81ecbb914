import type { RecordedEvent } from '../event-envelope.js';
import type { AllFilter, AllSubscription, EventStore } from '../event-store.port.js';

const NOT_READY = Symbol('not ready');
const DEFAULT_BATCH_SIZE = 1000;

/** Applies one batch of events (throws, or rejects, to stop following). */
export type ApplyBatch = (batch: readonly RecordedEvent[]) => void | Promise<void>;

/**
 * Follows `$all` after a checkpoint and hands the events over in batches: what has arrived by
 * the next turn of the event loop, at most `batchSize`, so a burst is applied in a few
 * transactions and a lone event at once.
 */
export class EventFollower {
  private subscription?: AllSubscription;
  private interrupted = false;

  constructor(
    private readonly store: EventStore,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
    /** Only these events, e.g. one type (`{ eventTypePrefixes: [...] }`); all when absent. */
    private readonly filter?: AllFilter,
  ) {}

  /**
   * Applies the events after `from`, batch by batch, until the subscription ends (`stop`, the
   * store closed) or `interrupt` is called: the batch that would come after it is not applied.
   * A batch that throws ends it with that error; an asynchronous one is awaited before the next.
   */
  async follow(from: bigint | undefined, apply: ApplyBatch): Promise<void> {
    this.interrupted = false;
    const subscription = this.store.subscribeToAll({
      fromPosition: from ?? 'start',
      ...(this.filter && { filter: this.filter }),
    });
    this.subscription = subscription;
    try {
      const iterator = subscription[Symbol.asyncIterator]();
      let next = iterator.next();
      for (;;) {
        const first = await next;
        if (first.done || this.interrupted) return;
        const batch: RecordedEvent[] = [first.value];
        ({ next } = await this.fill(batch, iterator));
        const applying = apply(batch);
        if (applying) await applying;
      }
    } finally {
      await subscription.stop();
    }
  }

  /** Ends `follow` before its next batch: the serving generation changed. */
  interrupt(): void {
    this.interrupted = true;
    void this.subscription?.stop();
  }

  /** Ends the subscription (shutdown); `follow` returns once it has. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  /**
   * Adds the events already there to `batch`; returns the pending read of the next one (in an
   * object: an async function would otherwise wait for it).
   */
  private async fill(
    batch: RecordedEvent[],
    iterator: AsyncIterator<RecordedEvent>,
  ): Promise<{ next: Promise<IteratorResult<RecordedEvent>> }> {
    let next = iterator.next();
    while (batch.length < this.batchSize) {
      const result = await Promise.race([next, nextTurn()]);
      if (result === NOT_READY || result.done) break;
      batch.push(result.value);
      next = iterator.next();
    }
    return { next };
  }
}

function nextTurn(): Promise<typeof NOT_READY> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_READY)));
}
