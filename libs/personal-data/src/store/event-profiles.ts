import { BILLING_PROFILE_FIELDS, type RecordedBillingProfile } from '@customer-workspace/customers';
import type { NewEvent, RecordedEvent } from '@customer-workspace/event-store';
import {
  isClearProfile,
  isSealedProfile,
  type ProfileSealing,
  type SealedProfile,
} from '../sealing/profile-sealing.js';
import { keyIdOf } from '../sealing/sealed-value.js';

type Data = Record<string, unknown>;

/** The event's identity and the field, as the associated data of a profile sealed in it. */
const contextOf = (event: NewEvent, streamId: string, field: string): readonly string[] => [
  'event',
  event.eventId,
  streamId,
  event.type,
  field,
];

/** The fields of `type`'s data that may hold a billing profile (none for most types). */
export const profileFieldsOf = (type: string): readonly string[] | undefined =>
  BILLING_PROFILE_FIELDS[type];

/** The subject whose key seals the event's profiles: the customer it is about. */
export function subjectOf(event: NewEvent): string {
  const customerId = (event.data as { customerId?: unknown } | null)?.customerId;
  if (typeof customerId !== 'string' || customerId === '')
    throw new TypeError(
      `${event.type} ${event.eventId} names no customerId to seal its profile for`,
    );
  return customerId;
}

/**
 * Billing profiles inside events: sealed on their way into the store, opened on their way out.
 * The event's identity (id, stream, type) and the field are the associated data, so a sealed
 * profile moved to another event or field does not open.
 */
export class EventProfiles {
  constructor(private readonly sealing: ProfileSealing) {}

  /** The event as it is stored: each profile sealed; an event without one is returned as is. */
  async sealed(streamId: string, event: NewEvent): Promise<NewEvent> {
    const fields = profileFieldsOf(event.type);
    if (fields === undefined) return event;
    const data = { ...(event.data as Data) };
    for (const field of fields) {
      const profile = data[field];
      if (profile === null || profile === undefined || isSealedProfile(profile)) continue;
      data[field] = await this.sealing.seal(
        profile as RecordedBillingProfile,
        subjectOf(event),
        contextOf(event, streamId, field),
      );
    }
    return { ...event, data };
  }

  /** Whether a stored event holds a sealed profile (the others are handed on as they are). */
  holdsSealed(event: RecordedEvent): boolean {
    const fields = profileFieldsOf(event.type);
    return (
      fields !== undefined && fields.some((field) => isSealedProfile((event.data as Data)[field]))
    );
  }

  /** The stored event with its profiles opened (erased where the key is destroyed). */
  async opened(event: RecordedEvent): Promise<RecordedEvent> {
    const data = { ...(event.data as Data) };
    for (const field of profileFieldsOf(event.type) ?? []) {
      const stored = data[field];
      if (!isSealedProfile(stored)) continue;
      const where = `${field} of ${event.type} ${event.eventId} (position ${event.position})`;
      data[field] = await this.sealing.open(
        stored as SealedProfile,
        contextOf(event, event.streamId, field),
        where,
      );
    }
    return { ...event, data };
  }

  /** The ids of the keys that sealed the stored event's profiles. */
  keyIds(event: RecordedEvent): string[] {
    return (profileFieldsOf(event.type) ?? []).flatMap((field) => {
      const stored = (event.data as Data)[field];
      return isSealedProfile(stored)
        ? [keyIdOf(stored.personal, `${field} of ${event.eventId}`)]
        : [];
    });
  }

  /**
   * The key that sealed the profile the stored event leaves the stream with (its last profile
   * field: `billingProfile`, or an update's `new`); undefined when that profile is not sealed
   * (none, or stored in clear).
   */
  currentKeyId(event: RecordedEvent): string | undefined {
    const field = profileFieldsOf(event.type)?.at(-1);
    const stored = field === undefined ? undefined : (event.data as Data)[field];
    return isSealedProfile(stored)
      ? keyIdOf(stored.personal, `${field} of ${event.eventId}`)
      : undefined;
  }

  /** The fields of a stored event that hold a profile in clear (written before sealing). */
  clearFields(event: RecordedEvent): string[] {
    return (profileFieldsOf(event.type) ?? []).filter((field) =>
      isClearProfile((event.data as Data)[field]),
    );
  }
}
