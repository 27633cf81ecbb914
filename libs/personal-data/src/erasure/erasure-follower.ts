import { PERSONAL_DATA_ERASED } from '@customer-workspace/customers';
import {
  EventFollower,
  type EventStore,
  InterruptiblePause,
  PositionWaiters,
  type RecordedEvent,
  retryDelay,
} from '@customer-workspace/event-store';
import type { PersonalDataKeys } from '../keys/personal-data-keys.js';
import { ProfileSealing } from '../sealing/profile-sealing.js';
import { EventProfiles, subjectOf } from '../store/event-profiles.js';

export interface ErasureFollowerOptions {
  readonly onError?: (error: unknown, context: string) => void;
}

/** Where the follower stands, for `/health`. */
export interface ErasureFollowerStatus {
  readonly status: 'up' | 'failed';
  /** The position of the last erasure handled (decimal), or null before the first. */
  readonly position: string | null;
  readonly failure?: { readonly message: string; readonly since: string };
}

/**
 * Destroys the keys of every stored erasure, following the log from a checkpoint kept in the
 * key store itself: an erasure whose keys were not destroyed (the process stopped between the
 * append and the destroy, the key store was busy) ends with them gone at the next pass, and a
 * key store restored from a backup older than an erasure loses those keys again. For an
 * erasure at position p, the keys are those that sealed the customer's stream before p (read
 * as stored); a profile set after it has a key of its own. A failure is retried from the
 * checkpoint with a growing pause, never skipped.
 */
export class ErasureFollower {
  private readonly follower: EventFollower;
  private readonly profiles: EventProfiles;
  private readonly waiters = new PositionWaiters();
  private readonly pause = new InterruptiblePause();
  private position?: bigint;
  private running?: Promise<void>;
  private stopping = false;
  private failure?: { readonly message: string; readonly since: string };

  /** `stored`: the events as stored, beneath the sealing (`PersonalDataEventStore`'s inner). */
  constructor(
    private readonly stored: EventStore,
    private readonly keys: PersonalDataKeys,
    private readonly options: ErasureFollowerOptions = {},
  ) {
    this.follower = new EventFollower(stored, 100, { eventTypePrefixes: [PERSONAL_DATA_ERASED] });
    this.profiles = new EventProfiles(new ProfileSealing(keys));
  }

  start(): void {
    this.stopping = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.follower.stop();
    await this.running;
    this.waiters.abandonAll();
  }

  status(): ErasureFollowerStatus {
    return {
      status: this.failure ? 'failed' : 'up',
      position: this.position?.toString() ?? null,
      ...(this.failure && { failure: this.failure }),
    };
  }

  /** True once every erasure up to `position` has its keys destroyed (false after the wait). */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return true;
    return this.waiters.wait(position, timeoutMs);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        this.position = await this.keys.erasuresHandled();
        await this.follower.follow(this.position, (batch) => this.handle(batch));
        if (!this.stopping) throw new Error('The subscription ended (event store closed?)');
      } catch (error) {
        if (this.stopping) return;
        failures++;
        this.failure = {
          message: (error as Error)?.message ?? String(error),
          since: this.failure?.since ?? new Date().toISOString(),
        };
        this.options.onError?.(error, 'personal-data erasure: destroying keys');
        await this.pause.wait(retryDelay(failures));
      }
    }
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      if (event.type !== PERSONAL_DATA_ERASED) continue;
      const customerId = subjectOf(event);
      await this.keys.destroy(customerId, await this.keyIdsBefore(event));
    }
    const last = batch.at(-1)!.position;
    await this.keys.recordErasuresHandled(last);
    this.position = last;
    this.failure = undefined;
    this.waiters.reached(last);
  }

  /** The ids of the keys that sealed the erasure's stream before it. */
  private async keyIdsBefore(erasure: RecordedEvent): Promise<string[]> {
    const keyIds = new Set<string>();
    for await (const event of this.stored.readStream(erasure.streamId)) {
      if (event.position >= erasure.position) break;
      for (const keyId of this.profiles.keyIds(event)) keyIds.add(keyId);
    }
    return [...keyIds];
  }
}
