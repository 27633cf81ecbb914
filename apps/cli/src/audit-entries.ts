import { isDeepStrictEqual } from 'node:util';
import type { EntryCheck } from '@customer-workspace/audit';
import { PERSONAL_FIELDS } from '@customer-workspace/customers';
import { ReadUpcasting, type RecordedEvent } from '@customer-workspace/event-store';
import {
  type ActivityLogEntry,
  activityLogEntriesOf,
  type KnownFacts,
  WORKSPACE_UPCASTERS,
} from '@customer-workspace/read-models';

/**
 * The personal fields of a billing profile (docs/product.md rule 8). They are stored sealed
 * (one value, `personal`, beside the clear fields): the leaf hash proves the stored ciphertext,
 * but offline, without the customer's key, what an entry shows of them (the value, or
 * "[erased]") cannot be compared with the event. So neither side's personal fields, sealed
 * value or erased mark take part in the comparison.
 */
const SEALED_PROFILE_FIELDS = ['personal', 'personalDataErased'];
const PERSONAL_PROFILE_FIELDS = [
  ...PERSONAL_FIELDS.filter((field) => !field.includes('.')),
  ...SEALED_PROFILE_FIELDS,
];
const PERSONAL_ADDRESS_FIELDS = PERSONAL_FIELDS.filter((field) =>
  field.startsWith('defaultAddress.'),
).map((field) => field.slice('defaultAddress.'.length));

/**
 * The check an audit bundle's entries get: the entry derived again from its stored event, by
 * the activity log's own mapping (after the domain's upcasters, as the projection reads it), must
 * be the entry the bundle shows, field by field. What the mapping takes from earlier events
 * (customer names, an invitation's indirect provider) comes from the bundle's earlier events;
 * a name they do not establish (a customer added in another partner's log) is taken as the
 * entry gives it. One check per verification: it remembers as it goes, oldest first.
 */
export function activityEntryCheck(): EntryCheck {
  const upcasting = new ReadUpcasting(WORKSPACE_UPCASTERS);
  const names = new Map<string, string>();
  const providers = new Map<string, string>();
  return (entry, stored, partnerId) => {
    const event = upcasting.current(stored as unknown as RecordedEvent);
    const claimedName = typeof entry.customerName === 'string' ? entry.customerName : undefined;
    const facts: KnownFacts = {
      customerName: (id) => names.get(id) ?? (id === entry.customerId ? claimedName : undefined),
      indirectProviderOf: (invitationId) => providers.get(invitationId),
    };
    const derived = activityLogEntriesOf(event, facts).find((e) => e.partnerId === partnerId);
    remember(event, names, providers);
    if (!derived) return `its event (${event.type}) is no entry of ${partnerId}’s log`;
    return differenceOf(entry, derived);
  };
}

/** What the activity log remembers of an event for later ones (as its projection does). */
function remember(
  event: RecordedEvent,
  names: Map<string, string>,
  providers: Map<string, string>,
): void {
  const data = event.data as {
    customerId?: string;
    companyProfile?: { companyName?: string };
    invitationId?: string;
    indirectProviderId?: string;
  };
  const name = data.companyProfile?.companyName;
  if (event.type === 'CustomerAdded' && data.customerId && name) names.set(data.customerId, name);
  if (event.type === 'ResellerRelationshipAccepted' && data.customerId && name)
    if (!names.has(data.customerId)) names.set(data.customerId, name);
  if (
    event.type === 'ResellerRelationshipRequested' &&
    data.invitationId &&
    data.indirectProviderId
  )
    if (!providers.has(data.invitationId))
      providers.set(data.invitationId, data.indirectProviderId);
}

/** The first field in which the entry and the one derived from its event differ. */
function differenceOf(
  entry: Record<string, unknown>,
  derived: ActivityLogEntry,
): string | undefined {
  const expected: Record<string, unknown> = {
    position: derived.position.toString(),
    eventId: derived.eventId,
    occurredAt: derived.occurredAt,
    action: derived.action,
    resourceType: derived.resourceType,
    performedBy: derived.performedBy,
    customerId: derived.customerId,
    customerName: derived.customerName,
    correlationId: derived.correlationId,
    causationId: derived.causationId,
    oldValue: comparable(derived.oldValue, derived.resourceType),
    newValue: comparable(derived.newValue, derived.resourceType),
  };
  for (const [field, value] of Object.entries(expected)) {
    const shown = field.endsWith('Value')
      ? comparable(entry[field], derived.resourceType)
      : entry[field];
    if (!isDeepStrictEqual(shown, value))
      return `${field}: the entry shows ${JSON.stringify(shown)}, its event ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** A value with the personal fields of each billing profile in it left out of the comparison. */
function comparable(value: unknown, resourceType: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (resourceType === 'billing-profile') return withoutPersonal(value);
  const { billingProfile } = value as { billingProfile?: unknown };
  return billingProfile === undefined
    ? value
    : { ...value, billingProfile: withoutPersonal(billingProfile) };
}

function withoutPersonal(profile: unknown): unknown {
  if (profile === null || typeof profile !== 'object') return profile;
  const kept = omit(profile as Record<string, unknown>, PERSONAL_PROFILE_FIELDS);
  const address = kept.defaultAddress;
  if (address !== null && typeof address === 'object')
    kept.defaultAddress = omit(address as Record<string, unknown>, PERSONAL_ADDRESS_FIELDS);
  return kept;
}

function omit(object: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !fields.includes(key)));
}
