import {
  ACTIVITY_LOG_ACTIONS,
  type CustomersDomainEvent,
  isCustomersDomainEventType,
  partnersConcerned,
} from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import {
  GDAP_ACTIVITY_ACTIONS,
  type GdapRelationshipEvent,
  isGdapEventType,
} from '@customer-workspace/gdap';
import {
  isWebhookEventType,
  WEBHOOK_ACTIVITY_ACTIONS,
  type WebhookEvent,
} from '@customer-workspace/webhooks';
import { type ActivityChange, changeOf, type LoggedEvent } from './activity-log.changes.js';
import type { ActivityLogAction, ActivityLogEntry } from './activity-log.entry.js';
import { gdapChangeOf } from './activity-log.gdap-changes.js';
import { type LoggedWebhookEvent, webhookChangeOf } from './activity-log.webhook-changes.js';

/** What the log knows from earlier events, to fill in what a later event does not carry. */
export interface KnownFacts {
  /** The company name of a customer added (or accepted) earlier. */
  customerName(customerId: string): string | undefined;
  /** The indirect provider invited together with the reseller by invitation `invitationId`. */
  indirectProviderOf(invitationId: string): string | undefined;
}

type DomainRecord = RecordedEvent & CustomersDomainEvent;
type LoggedRecord = RecordedEvent & LoggedEvent;
type WebhookRecord = RecordedEvent & WebhookEvent;
type GdapRecord = RecordedEvent & GdapRelationshipEvent;

/** What one event says in the log, before it is written into each partner's. */
interface Logged {
  readonly action: ActivityLogAction;
  readonly change: ActivityChange;
  readonly customerId: string | null;
  readonly customerName: string | null;
  /** The partners whose logs show it. */
  readonly partners: string[];
}

/**
 * The activity-log entries of one stored event: one per partner whose log shows it (an
 * invitation of a reseller together with its provider shows in both logs), none for events
 * that are not actions (`RelationshipEstablished`, `WebhookTestRequested`, foreign event
 * types). Pure, given `facts`.
 */
export function activityLogEntriesOf(event: RecordedEvent, facts: KnownFacts): ActivityLogEntry[] {
  const logged = loggedOf(event, facts);
  if (logged === undefined) return [];
  const { oldValue, newValue, resourceType } = logged.change;
  const { metadata } = event;
  const common = {
    position: event.position,
    eventId: event.eventId,
    occurredAt: normalisedInstant(metadata.occurredAt),
    customerId: logged.customerId,
    customerName: logged.customerName,
    action: logged.action,
    resourceType,
    performedBy: metadata.actor,
    ...(oldValue === undefined ? {} : { oldValue }),
    ...(newValue === undefined ? {} : { newValue }),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
  };
  return logged.partners.map((partnerId) => ({ partnerId, ...common }));
}

function loggedOf(event: RecordedEvent, facts: KnownFacts): Logged | undefined {
  if (isCustomersDomainEventType(event.type)) return customersLogged(event as DomainRecord, facts);
  if (isWebhookEventType(event.type)) return webhookLogged(event as WebhookRecord);
  if (isGdapEventType(event.type)) return gdapLogged(event as GdapRecord, facts);
  return undefined;
}

/**
 * A GDAP relationship's entry: its partner's alone, about its customer once it has one. The
 * display-name index's reservations are no entries (`GDAP_ACTIVITY_ACTIONS` gives them none).
 */
function gdapLogged(event: GdapRecord, facts: KnownFacts): Logged | undefined {
  const action = GDAP_ACTIVITY_ACTIONS[event.type];
  if (action === null) return undefined;
  const { partnerId, customerId } = event.data;
  return {
    action,
    change: gdapChangeOf(event),
    customerId: customerId ?? null,
    customerName: customerId === undefined ? null : (facts.customerName(customerId) ?? null),
    partners: [partnerId],
  };
}

function customersLogged(event: DomainRecord, facts: KnownFacts): Logged | undefined {
  const action = ACTIVITY_LOG_ACTIONS[event.type];
  if (action === null) return undefined;
  const logged = event as LoggedRecord;
  const customerId = customerIdOf(logged);
  return {
    action,
    change: changeOf(logged),
    customerId,
    customerName: customerId === null ? null : customerNameOf(logged, customerId, facts),
    partners: partnersConcerned(event, event.metadata.partnerId, facts),
  };
}

/** A webhook endpoint's entry: its owner's alone, about no customer. */
function webhookLogged(event: WebhookRecord): Logged | undefined {
  const action = WEBHOOK_ACTIVITY_ACTIONS[event.type];
  if (action === null) return undefined;
  const owner = (event.data as { partnerId?: string }).partnerId ?? event.metadata.partnerId;
  return {
    action,
    change: webhookChangeOf(event as RecordedEvent & LoggedWebhookEvent),
    customerId: null,
    customerName: null,
    partners: owner === undefined || owner === '' ? [] : [owner],
  };
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
