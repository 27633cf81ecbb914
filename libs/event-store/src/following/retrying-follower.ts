import type { AllFilter, EventStore } from '../event-store.port.js';
import { type ApplyBatch, EventFollower } from './event-follower.js';
import { InterruptiblePause, retryDelay } from './interruptible-pause.js';

/** Why following stopped working, and since when (for `/health`). */
export interface FollowingFailure {
  readonly message: string;
  readonly since: string;
}

export interface RetryingFollowerOptions {
  /** Named in `onError`: what the follower does (`audit tree: appending from the log`). */
  readonly context: string;
  readonly onError?: (error: unknown, context: string) => void;
  readonly batchSize?: number;
  readonly filter?: AllFilter;
}

/**
 * A checkpointed reaction's follow loop: follows `$all` from where its owner says it stands and
 * applies each batch; a batch that throws, or a subscription that ends, is retried from the
 * owner's checkpoint again after a pause that grows while it keeps failing (never skipped), and
 * the failure is kept for `/health` until a batch goes through.
 */
export class RetryingFollower {
  private readonly follower: EventFollower;
  private readonly pause = new InterruptiblePause();
  private running?: Promise<void>;
  private stopping = false;
  private failed?: FollowingFailure;
  /** Consecutive failures: the pause grows while they last, short again after a batch. */
  private failures = 0;

  constructor(
    store: EventStore,
    private readonly options: RetryingFollowerOptions,
  ) {
    this.follower = new EventFollower(store, options.batchSize, options.filter);
  }

  /** The failure since the last batch that went through, if any. */
  get failure(): FollowingFailure | undefined {
    return this.failed;
  }

  /** Follows from `checkpoint()` (asked again at every retry), applying each batch. */
  start(
    checkpoint: () => bigint | undefined | Promise<bigint | undefined>,
    apply: ApplyBatch,
  ): void {
    this.stopping = false;
    this.running = this.run(checkpoint, apply);
  }

  /** Ends the subscription and the retries; resolves once the batch being applied is done. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.follower.stop();
    await this.running;
  }

  private async run(
    checkpoint: () => bigint | undefined | Promise<bigint | undefined>,
    apply: ApplyBatch,
  ): Promise<void> {
    // A batch applied synchronously stays synchronous (no await added on the hot path).
    const applied = (batch: Parameters<ApplyBatch>[0]) => {
      const applying = apply(batch);
      if (applying) return applying.then(this.wentThrough);
      this.wentThrough();
    };
    while (!this.stopping) {
      try {
        await this.follower.follow(await checkpoint(), applied);
        if (!this.stopping) throw new Error('The subscription ended (event store closed?)');
      } catch (error) {
        if (this.stopping) return;
        this.failures++;
        this.failed = {
          message: (error as Error)?.message ?? String(error),
          since: this.failed?.since ?? new Date().toISOString(),
        };
        this.options.onError?.(error, this.options.context);
        await this.pause.wait(retryDelay(this.failures));
      }
    }
  }

  private readonly wentThrough = (): void => {
    this.failed = undefined;
    this.failures = 0;
  };
}
