import { PERSONAL_DATA_ERASED } from '@customer-workspace/customers';
import {
  type AllFilter,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  mappedEvents,
  mappedSubscription,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '@customer-workspace/event-store';
import { AppError } from '@customer-workspace/kernel';
import type { PersonalDataKeys } from '../keys/personal-data-keys.js';
import { ProfileSealing } from '../sealing/profile-sealing.js';
import { ErasureFollower, type ErasureFollowerOptions } from '../erasure/erasure-follower.js';
import { EventProfiles, subjectOf } from './event-profiles.js';
import { KeptProfiles } from './kept-profiles.js';

/**
 * The customer's stream holds a billing profile stored in clear (written before profiles were
 * sealed): destroying keys would not erase it. Nothing is changed; the store must be upgraded
 * first (`cli personal-data encrypt`).
 */
export class PersonalDataStoredInClear extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly customerId: string,
    readonly position: bigint,
  ) {
    super(
      'personal-data-stored-in-clear',
      `Customer ${customerId} has a billing profile stored in clear (the event at position ` +
        `${position}, written before profiles were sealed), which an erasure cannot make ` +
        'unreadable: nothing was changed. The operator must seal the stored profiles first ' +
        '(npm run cli -- personal-data encrypt).',
    );
  }
}

export interface PersonalDataEventStoreOptions {
  /** A key destruction that failed after its erasure was stored (the erasure follower retries). */
  readonly onError?: (error: unknown, context: string) => void;
  /** `close` closes the key store too (a CLI opening both for one command). */
  readonly ownsKeys?: boolean;
}

/**
 * The event store with personal data sealed at rest (docs/product.md rule 8): billing
 * profiles are sealed on `append` with the customer's data key and opened on every read and
 * subscription, so deciders, projections and processes see them whole, or erased (`null`
 * fields, `personalDataErased: true`) once the customer's keys are destroyed. A profile stored
 * in clear (before sealing) reads as it is.
 *
 * Appending a `CustomerPersonalDataErased` retires the customer's keys first, then destroys
 * them once the event is stored (the erasure follower does it again after a crash in between):
 * a profile set after the erasure is sealed with a new key, which this erasure never destroys.
 *
 * It sits above the scoped store: what lies beneath (`ScopedEventStore.asStored()`, the audit
 * tree, `cli replay`) sees the sealed bytes, which erasing a key never changes.
 */
export class PersonalDataEventStore implements EventStore {
  private readonly profiles: EventProfiles;
  readonly revisionOf?: EventStore['revisionOf'];

  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonalDataKeys,
    private readonly options: PersonalDataEventStoreOptions = {},
  ) {
    this.profiles = new EventProfiles(new ProfileSealing(keys));
    // Revisions carry no personal data: asked of the store beneath as they are.
    this.revisionOf = inner.revisionOf;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const erased = [
      ...new Set(events.filter((e) => e.type === PERSONAL_DATA_ERASED).map(subjectOf)),
    ];
    const keyIds = new Map<string, string[]>();
    for (const customerId of erased)
      keyIds.set(customerId, await this.prepareErasure(streamId, customerId));
    const sealed: NewEvent[] = [];
    for (const event of events) sealed.push(await this.profiles.sealed(streamId, event));
    const result = await this.inner.append(streamId, sealed, options);
    for (const [customerId, ids] of keyIds) await this.destroyKeys(customerId, ids);
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.opening(this.inner.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.opening(this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return mappedSubscription(this.inner.subscribeToAll(options), this.opened);
  }

  headPosition(filter?: AllFilter): Promise<bigint> {
    return this.inner.headPosition(filter);
  }

  checkAccess(streamIds: readonly string[]): Promise<void> {
    return this.inner.checkAccess(streamIds);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  /** Closes the store beneath, and the key store when it was handed over (`ownsKeys`). */
  async close(): Promise<void> {
    await this.inner.close();
    if (this.options.ownsKeys) await this.keys.close();
  }

  /**
   * The follower that destroys the keys of every erasure stored, from a checkpoint kept in the
   * key store: an erasure whose process stopped before destroying its keys is completed there.
   */
  erasureFollower(options: ErasureFollowerOptions = {}): ErasureFollower {
    return new ErasureFollower(this.inner, this.keys, options);
  }

  /** Copies of profiles kept outside the log, sealed with the keys of their events. */
  keptProfiles(): KeptProfiles {
    return new KeptProfiles(this.inner, this.keys);
  }

  /**
   * Refuses an erasure that a profile stored in clear would survive; otherwise retires the
   * customer's keys and answers the ids of those that sealed its stream so far.
   */
  private async prepareErasure(streamId: string, customerId: string): Promise<string[]> {
    const keyIds = new Set<string>();
    for await (const event of this.inner.readStream(streamId)) {
      if (this.profiles.clearFields(event).length > 0)
        throw new PersonalDataStoredInClear(customerId, event.position);
      for (const keyId of this.profiles.keyIds(event)) keyIds.add(keyId);
    }
    await this.keys.retire(customerId);
    return [...keyIds];
  }

  private async destroyKeys(customerId: string, keyIds: readonly string[]): Promise<void> {
    try {
      await this.keys.destroy(customerId, keyIds);
    } catch (error) {
      // The erasure is stored: the erasure follower destroys the keys from it.
      this.options.onError?.(error, `destroying the keys of customer ${customerId}`);
    }
  }

  private opening(events: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    return mappedEvents(events, this.opened);
  }

  /** The event with its profiles opened; one without a sealed profile as it is. */
  private readonly opened = (event: RecordedEvent): RecordedEvent | Promise<RecordedEvent> =>
    this.profiles.holdsSealed(event) ? this.profiles.opened(event) : event;
}
