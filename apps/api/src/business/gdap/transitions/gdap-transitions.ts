import {
  type CommandRunner,
  type EventStore,
  type FollowingFailure,
  InterruptiblePause,
  type RecordedEvent,
  RetryingFollower,
  retryDelay,
} from '@customer-workspace/event-store';
import {
  gdapRelationshipDecider,
  gdapRelationshipStream,
  instantMs,
  nextGdapTransitionAt,
} from '@customer-workspace/gdap';
import type { Clock } from '../../../platform/clock/clock.js';
import { recordDueTransitions } from './gdap-transition-recorder.js';
import { GdapTransitionsStore } from './gdap-transitions.store.js';

export const GDAP_TRANSITIONS_PROCESS = 'gdap-transitions';

export interface GdapTransitionsOptions {
  /** Where its store lives (`DATA_DIR`). */
  readonly dataDir: string;
  /** The longest it sleeps before looking at the clock again (`GDAP_TRANSITIONS_MAX_SLEEP_MS`). */
  readonly maxSleepMs: number;
  readonly onError?: (error: unknown, context: string) => void;
}

/** What `/health` shows of the process. */
export interface GdapTransitionsStatus {
  readonly status: 'up' | 'failed';
  readonly position: string | null;
  readonly nextTransitionAt: string | null;
  readonly failure?: FollowingFailure;
}

/**
 * The time-driven transitions of GDAP relationships (docs/gdap.md): follows the
 * `gdapRelationship-` streams from its checkpoint and keeps each relationship's next instant
 * (`nextGdapTransitionAt`) in its own store; sleeps until the earliest (bounded, woken by new
 * events and by a move of the clock), then records what is due (`recordDueTransitions`). Any
 * number of these may run over one store, in one api or several: each transition is stored once.
 */
export class GdapTransitions {
  private readonly follower: RetryingFollower;
  private readonly pause = new InterruptiblePause();
  private store?: GdapTransitionsStore;
  private running?: Promise<void>;
  private stopping = false;
  private woken = false;
  private failed?: FollowingFailure;
  private stopListening?: () => void;

  constructor(
    events: EventStore,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    private readonly options: GdapTransitionsOptions,
  ) {
    this.follower = new RetryingFollower(events, {
      context: 'GDAP transitions: following the relationships',
      filter: { streamNamePrefixes: [gdapRelationshipStream('')] },
      ...(options.onError && { onError: options.onError }),
    });
  }

  start(): void {
    const store = new GdapTransitionsStore(this.options.dataDir);
    this.store = store;
    this.stopping = false;
    this.stopListening = this.clock.onMove(() => this.wake());
    this.follower.start(
      () => store.checkpoint(),
      (batch) => this.follow(store, batch),
    );
    this.running = this.recordWhenDue(store);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopListening?.();
    this.pause.interrupt();
    await this.follower.stop();
    await this.running;
    this.store?.close();
  }

  status(): GdapTransitionsStatus {
    const failure = this.follower.failure ?? this.failed;
    return {
      status: failure ? 'failed' : 'up',
      position: this.store?.checkpoint()?.toString() ?? null,
      nextTransitionAt: this.store?.earliest() ?? null,
      ...(failure && { failure }),
    };
  }

  /** Each relationship of the batch: its next instant as its stream says now, then the checkpoint. */
  private async follow(
    store: GdapTransitionsStore,
    batch: readonly RecordedEvent[],
  ): Promise<void> {
    const dues = new Map<string, string | undefined>();
    for (const event of batch) {
      const { relationshipId } = event.data as { relationshipId?: string };
      if (relationshipId === undefined || dues.has(relationshipId)) continue;
      const { state } = await this.runner.load(
        gdapRelationshipDecider,
        gdapRelationshipStream(relationshipId),
      );
      dues.set(relationshipId, nextGdapTransitionAt(state));
    }
    const last = batch.at(-1);
    if (last) store.saveBatch(dues, last.position);
    this.wake();
  }

  private async recordWhenDue(store: GdapTransitionsStore): Promise<void> {
    for (let failures = 0; !this.stopping;) {
      try {
        const now = this.clock.now().toISOString();
        for (const relationshipId of store.dueBy(now)) {
          if (this.stopping) return;
          store.setDue(
            relationshipId,
            await recordDueTransitions(this.runner, relationshipId, now),
          );
        }
        failures = 0;
        this.failed = undefined;
      } catch (error) {
        if (this.stopping) return;
        failures++;
        this.failed = {
          message: (error as Error)?.message ?? String(error),
          since: this.failed?.since ?? new Date().toISOString(),
        };
        this.options.onError?.(error, 'GDAP transitions: recording what is due');
      }
      const pause = failures > 0 ? retryDelay(failures) : this.untilNext(store);
      if (!this.woken && !this.stopping) await this.pause.wait(pause);
      this.woken = false;
    }
  }

  /** How long until the earliest transition, at most `maxSleepMs`. */
  private untilNext(store: GdapTransitionsStore): number {
    const earliest = store.earliest();
    const { maxSleepMs } = this.options;
    if (earliest === undefined) return maxSleepMs;
    const ms = instantMs(earliest) - this.clock.now().getTime();
    return Math.max(0, Math.min(maxSleepMs, ms));
  }

  private wake(): void {
    this.woken = true;
    this.pause.interrupt();
  }
}
