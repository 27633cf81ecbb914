import {
  type EventStore,
  PositionWaiters,
  RetryingFollower,
} from '@customer-workspace/event-store';
import { DeliveryDispatcher, type DispatcherOptions } from './delivery-dispatcher.js';
import { planDeliveries, type PlannerOptions, replayDeliveries } from './delivery-planner.js';
import type { OutboxEndpoint, WebhookOutbox } from './webhook-outbox.js';

export interface WebhookDeliveryOptions {
  readonly store: EventStore;
  readonly outbox: WebhookOutbox;
  /** How to send; absent, this process records what to deliver but sends nothing. */
  readonly dispatch?: Omit<DispatcherOptions, 'outbox'>;
  readonly baseUrl?: string;
  readonly now?: () => number;
  readonly onError?: (error: unknown, context: string) => void;
}

/** Where the delivery stands, for `/health`. */
export interface WebhookDeliveryStatus {
  readonly status: 'up' | 'failed';
  /** The last position planned (decimal), or null before the first event. */
  readonly position: string | null;
  readonly failure?: { readonly message: string; readonly since: string };
}

/** Which events a replay sends again: from a position on, or those that happened in a time range. */
export type ReplayRequest =
  { readonly fromPosition: bigint } | { readonly from: string; readonly to: string };

/**
 * The webhook delivery of one process: follows the log from the outbox's checkpoint, records
 * what to deliver in the same transaction as the checkpoint (a crash loses nothing and records
 * nothing twice), and works the outbox off with the dispatcher. A batch that cannot be
 * recorded is retried from the checkpoint with a growing pause, never skipped.
 */
export class WebhookDelivery {
  private readonly follower: RetryingFollower;
  private readonly dispatcher?: DeliveryDispatcher;
  private readonly waiters = new PositionWaiters();
  private readonly planning: PlannerOptions;

  constructor(private readonly options: WebhookDeliveryOptions) {
    this.follower = new RetryingFollower(options.store, {
      context: 'webhook delivery: planning from the log',
      ...(options.onError && { onError: options.onError }),
    });
    this.planning = {
      now: options.now ?? Date.now,
      ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    };
    if (options.dispatch)
      this.dispatcher = new DeliveryDispatcher({
        ...options.dispatch,
        outbox: options.outbox,
        ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
      });
  }

  get outbox(): WebhookOutbox {
    return this.options.outbox;
  }

  start(): void {
    this.dispatcher?.start();
    this.follower.start(
      () => this.outbox.checkpoint(),
      (batch) => {
        const checkpoint = planDeliveries(this.outbox, batch, this.planning);
        if (checkpoint !== undefined) this.waiters.reached(checkpoint);
        this.dispatcher?.wake();
      },
    );
  }

  /** Stops following and sending; the outbox stays open (its owner closes it). */
  async stop(): Promise<void> {
    await this.follower.stop();
    await this.dispatcher?.stop();
    this.waiters.abandonAll();
  }

  /** Read-your-writes: true once everything up to `position` is planned (false after the wait). */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const checkpoint = this.outbox.checkpoint();
    if (checkpoint !== undefined && checkpoint >= position) return true;
    return this.waiters.wait(position, timeoutMs);
  }

  status(): WebhookDeliveryStatus {
    const failure = this.follower.failure;
    return {
      status: failure ? 'failed' : 'up',
      position: this.outbox.checkpoint()?.toString() ?? null,
      ...(failure && { failure }),
    };
  }

  /** Sends again what `endpoint` is subscribed to in the range; answers how many deliveries. */
  replay(
    endpoint: Pick<OutboxEndpoint, 'webhookId' | 'partnerId' | 'events'>,
    request: ReplayRequest,
  ): number {
    const range =
      'fromPosition' in request
        ? { fromPosition: request.fromPosition, upTo: this.outbox.checkpoint() ?? 0n }
        : request;
    const count = replayDeliveries(this.outbox, endpoint, range, this.planning);
    this.dispatcher?.wake();
    return count;
  }
}
