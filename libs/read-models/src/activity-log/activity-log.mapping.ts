import {
  ACTIVITY_LOG_ACTIONS,
  type CustomersDomainEvent,
  isCustomersDomainEventType,
  partnersConcerned,
} from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { changeOf, type LoggedEvent } from './activity-log.changes.js';
import type { ActivityLogEntry } from './activity-log.entry.js';

/** What the log knows from earlier events, to fill in what a later event does not carry. */
export interface KnownFacts {
  /** The company name of a customer added (or accepted) earlier. */
  customerName(customerId: string): string | undefined;
  /** The indirect provider invited together with the reseller by invitation `invitationId`. */
  indirectProviderOf(invitationId: string): string | undefined;
}

type DomainRecord = RecordedEvent & CustomersDomainEvent;
type LoggedRecord = RecordedEvent & LoggedEvent;

/**
 * The activity-log entries of one stored event: one per partner whose log shows it (an
 * invitation of a reseller together with its provider shows in both logs), none for events
 * that are not actions (`RelationshipEstablished`, foreign event types). Pure, given `facts`.
 */
export function activityLogEntriesOf(event: RecordedEvent, facts: KnownFacts): ActivityLogEntry[] {
  if (!isCustomersDomainEventType(event.type)) return [];
  const domainEvent = event as DomainRecord;
  const action = ACTIVITY_LOG_ACTIONS[domainEvent.type];
  if (action === null) return [];
  const logged = domainEvent as LoggedRecord;
  const { resourceType, oldValue, newValue } = changeOf(logged);
  const customerId = customerIdOf(logged);
  const { metadata } = event;
  const common = {
    position: event.position,
    eventId: event.eventId,
    occurredAt: normalisedInstant(metadata.occurredAt),
    customerId,
    customerName: customerId === null ? null : customerNameOf(logged, customerId, facts),
    action,
    resourceType,
    performedBy: metadata.actor,
    ...(oldValue === undefined ? {} : { oldValue }),
    ...(newValue === undefined ? {} : { newValue }),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
  };
  return partnersConcerned(domainEvent, metadata.partnerId, facts).map((partnerId) => ({
    partnerId,
    ...common,
  }));
}

function customerIdOf(event: LoggedRecord): string | null {
  const data = event.data as { customerId?: string };
  return data.customerId ?? null;
}

/** A known name first (an accepting customer may type its name differently). */
function customerNameOf(event: LoggedRecord, customerId: string, facts: KnownFacts): string | null {
  if (event.type === 'CustomerAdded') return event.data.companyProfile.companyName;
  const known = facts.customerName(customerId);
  if (known !== undefined) return known;
  if (event.type === 'ResellerRelationshipAccepted') return event.data.companyProfile.companyName;
  return null;
}

/** `toISOString` form, so that text comparison is time comparison; kept as is if unparseable. */
function normalisedInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
