import { isErasedProfile, type RecordedBillingProfile } from '@customer-workspace/customers';
import type { EventStore } from '@customer-workspace/event-store';
import type { PersonalDataKeys } from '../keys/personal-data-keys.js';
import { ProfileSealing, type SealedProfile } from '../sealing/profile-sealing.js';
import { EventProfiles, profileFieldsOf } from './event-profiles.js';

/**
 * Copies of a customer's billing profile kept outside the log (an answer kept for retries),
 * sealed with the very key that sealed the profile in the customer's stream, not with the key
 * live when the copy is made: an erasure recorded in between (which retires the live key, so
 * a new one would be handed out) destroys the key of the copy with that of the event, and a
 * copy made once the key is destroyed is kept erased.
 */
export class KeptProfiles {
  private readonly sealing: ProfileSealing;
  private readonly profiles: EventProfiles;

  /** `stored`: the events as stored, beneath the sealing (`PersonalDataEventStore`'s inner). */
  constructor(
    private readonly stored: EventStore,
    keys: PersonalDataKeys,
  ) {
    this.sealing = new ProfileSealing(keys);
    this.profiles = new EventProfiles(this.sealing);
  }

  /**
   * `profile` (as the stream `streamId` showed it at `position`) sealed for keeping. A stream
   * whose profile there is stored in clear (before sealing) gets the subject's live key.
   */
  async seal(
    profile: RecordedBillingProfile,
    subjectId: string,
    streamId: string,
    position: bigint,
    context: readonly string[],
  ): Promise<SealedProfile | RecordedBillingProfile> {
    if (isErasedProfile(profile)) return profile;
    const keyId = await this.keyIdAt(streamId, position);
    return keyId === undefined
      ? this.sealing.seal(profile, subjectId, context)
      : this.sealing.sealWith(profile, keyId, context);
  }

  /** A kept profile opened, or erased once its key is destroyed. */
  open(kept: SealedProfile, context: readonly string[], where: string) {
    return this.sealing.open(kept, context, where);
  }

  /** The key of the profile the stream holds at `position` (its last event with a profile). */
  private async keyIdAt(streamId: string, position: bigint): Promise<string | undefined> {
    for await (const event of this.stored.readStream(streamId, { direction: 'backwards' })) {
      if (event.position > position || profileFieldsOf(event.type) === undefined) continue;
      return this.profiles.currentKeyId(event);
    }
    return undefined;
  }
}
