import { PERSONAL_DATA_ERASED } from '@customer-workspace/customers';
import {
  type EventStore,
  PositionWaiters,
  type RecordedEvent,
  RetryingFollower,
} from '@customer-workspace/event-store';
import type { PersonalDataKeys } from '../keys/personal-data-keys.js';
import { ProfileSealing } from '../sealing/profile-sealing.js';
import { EventProfiles, subjectOf } from '../store/event-profiles.js';

export interface ErasureFollowerOptions {
  readonly onError?: (error: unknown, context: string) => void;
  /**
   * Runs for each erasure once its keys are destroyed, before the checkpoint passes it (so
   * again after a crash): what else holds traces of the subject forgets them.
   */
  readonly onErased?: (subjectId: string) => void | Promise<void>;
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
  private readonly follower: RetryingFollower;
  private readonly profiles: EventProfiles;
  private readonly waiters = new PositionWaiters();
  private position?: bigint;

  /** `stored`: the events as stored, beneath the sealing (`PersonalDataEventStore`'s inner). */
  constructor(
    private readonly stored: EventStore,
    private readonly keys: PersonalDataKeys,
    private readonly options: ErasureFollowerOptions = {},
  ) {
    this.follower = new RetryingFollower(stored, {
      context: 'personal-data erasure: destroying keys',
      batchSize: 100,
      filter: { eventTypePrefixes: [PERSONAL_DATA_ERASED] },
      ...(options.onError && { onError: options.onError }),
    });
    this.profiles = new EventProfiles(new ProfileSealing(keys));
  }

  start(): void {
    this.follower.start(
      async () => (this.position = await this.keys.erasuresHandled()),
      (batch) => this.handle(batch),
    );
  }

  async stop(): Promise<void> {
    await this.follower.stop();
    this.waiters.abandonAll();
  }

  status(): ErasureFollowerStatus {
    const failure = this.follower.failure;
    return {
      status: failure ? 'failed' : 'up',
      position: this.position?.toString() ?? null,
      ...(failure && { failure }),
    };
  }

  /** True once every erasure up to `position` has its keys destroyed (false after the wait). */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return true;
    return this.waiters.wait(position, timeoutMs);
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      if (event.type !== PERSONAL_DATA_ERASED) continue;
      const customerId = subjectOf(event);
      await this.keys.destroy(customerId, await this.keyIdsBefore(event));
      await this.options.onErased?.(customerId);
    }
    const last = batch.at(-1)!.position;
    await this.keys.recordErasuresHandled(last);
    this.position = last;
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
