import type { RecordedEvent } from '../event-envelope.js';
import type { AllSubscription } from '../event-store.port.js';

/** One subscription to the server from a checkpoint. Its events end, or throw, when it drops. */
export interface SubscriptionAttempt {
  readonly events: AsyncIterable<RecordedEvent>;
  /** Unsubscribes; a pending read of `events` then ends or throws. Safe to call twice. */
  close(): Promise<void>;
}

/** How long to wait before resubscribing: doubles after each drop, back to the start on an event. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** 100 ms, 200 ms, … up to 5 s between attempts. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 5_000 };

/** Where a resubscribing subscription starts, how it subscribes and which failures it rides out. */
export interface ResubscribeOptions {
  /** The checkpoint: the events strictly after it are delivered. */
  readonly from: bigint | 'start';
  /** Subscribes to the events strictly after `after`. */
  readonly open: (after: bigint | 'start') => SubscriptionAttempt;
  /** Whether a failure is a drop to resubscribe after; any other failure ends the iteration. */
  readonly isTransient: (error: unknown) => boolean;
  /** The error the consumer sees for a failure that is not transient. */
  readonly mapError: (error: unknown) => unknown;
  readonly backoff?: Backoff;
  /** Told of every drop (`reason` undefined: the server ended the subscription), so none is silent. */
  readonly onDrop?: (reason: unknown, retryInMs: number) => void;
}

interface Cursor {
  after: bigint | 'start';
  delayMs: number;
}

/**
 * A catch-up subscription that survives drops: it resubscribes from the last event it delivered,
 * after a bounded backoff, and never delivers an event twice. Events are read one `next()` at a
 * time, so the consumer sets the pace.
 */
export class ResubscribingSubscription implements AllSubscription {
  private readonly backoff: Backoff;
  private readonly iterator: AsyncGenerator<RecordedEvent>;
  private iterated = false;
  private stopped = false;
  private current: SubscriptionAttempt | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: ResubscribeOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('A subscription can be iterated only once');
    this.iterated = true;
    return this.iterator;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.current?.close();
    await this.iterator.return(undefined);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const cursor: Cursor = { after: this.options.from, delayMs: this.backoff.initialMs };
    while (!this.isStopped()) {
      const reason = yield* this.follow(cursor);
      if (this.isStopped()) return;
      this.options.onDrop?.(reason, cursor.delayMs);
      await this.pause(cursor.delayMs);
      cursor.delayMs = Math.min(cursor.delayMs * 2, this.backoff.maxMs);
    }
  }

  /** Follows one attempt to its end; returns why it dropped. */
  private async *follow(cursor: Cursor): AsyncGenerator<RecordedEvent, unknown> {
    let attempt: SubscriptionAttempt | undefined;
    try {
      attempt = this.current = this.options.open(cursor.after);
      for await (const event of attempt.events) {
        if (this.isStopped()) return undefined;
        if (cursor.after !== 'start' && event.position <= cursor.after) continue;
        cursor.after = event.position;
        cursor.delayMs = this.backoff.initialMs;
        yield event;
      }
      return undefined;
    } catch (error) {
      if (this.isStopped() || this.options.isTransient(error)) return error;
      throw this.options.mapError(error);
    } finally {
      this.current = undefined;
      await attempt?.close();
    }
  }

  /** Read through a method: `stop()` changes it while the generator awaits. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => {
      this.wake = undefined;
    });
  }
}
