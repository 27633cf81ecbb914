import type { CustomersDomainEvent, CustomersDomainEventType } from '@customer-workspace/customers';
import { GDAP_WEBHOOK_EVENTS, type GdapWebhookEventName } from '@customer-workspace/gdap';

/** The names of the customers domain's notifications (and the test one). */
const CUSTOMERS_EVENT_NAMES = [
  'test-created',
  'customer-created',
  'customer-billing-profile-updated',
  'relationship-request-created',
  'relationship-request-revoked',
  'reseller-relationship-accepted-by-customer',
  'indirect-reseller-relationship-accepted-by-customer',
  'dap-admin-relationship-approved',
  'dap-admin-relationship-terminated',
  'relationship-removed',
  'order-created',
  'subscription-updated',
  'customer-tags-updated',
  'customer-personal-data-erased',
] as const;

export type WebhookEventName = (typeof CUSTOMERS_EVENT_NAMES)[number] | GdapWebhookEventName;

/**
 * The names a partner can subscribe an endpoint to (`GET /v1/webhooks/events`): the customers
 * domain's, then GDAP's (`GDAP_WEBHOOK_EVENTS`, each once, in its order).
 */
export const WEBHOOK_EVENT_NAMES: readonly WebhookEventName[] = [
  ...CUSTOMERS_EVENT_NAMES,
  ...new Set(Object.values(GDAP_WEBHOOK_EVENTS).flat()),
];

/** What a notification says of an event: its name and the resource it points to (no data). */
export interface WebhookNotice {
  readonly eventName: WebhookEventName;
  /** The kind of resource that changed: `customer`, `relationship-request`, `order`, `subscription`. */
  readonly resourceName: string;
  /** Where the api serves it. */
  readonly resourceUri: string;
}

type Notice<T extends CustomersDomainEventType> = (
  event: Extract<CustomersDomainEvent, { type: T }>,
) => WebhookNotice;

const customer = (customerId: string) => `/v1/customers/${encodeURIComponent(customerId)}`;
const about =
  (eventName: WebhookEventName) =>
  ({ data }: { data: { customerId: string } }): WebhookNotice => ({
    eventName,
    resourceName: 'customer',
    resourceUri: customer(data.customerId),
  });
const invitation =
  (eventName: WebhookEventName) =>
  ({ data }: { data: { invitationId: string } }): WebhookNotice => ({
    eventName,
    resourceName: 'relationship-request',
    resourceUri: `/v1/relationship-requests/${encodeURIComponent(data.invitationId)}`,
  });
const subscription = ({ data }: { data: { customerId: string } }): WebhookNotice => ({
  eventName: 'subscription-updated',
  resourceName: 'subscription',
  resourceUri: `${customer(data.customerId)}/orders`,
});

/**
 * The notice of each event type, or null for what partners are not notified of (their own
 * catalog and exports, a registration, a relationship's establishment: the acceptance or the
 * addition that caused it is notified instead). A record over every type, so a new event type
 * does not compile until it is decided here.
 */
const NOTICES: { readonly [T in CustomersDomainEventType]: Notice<T> | null } = {
  PartnerRegistered: null,
  TagCreated: null,
  TagDeleted: null,
  CustomersExported: null,
  ActivityLogExported: null,
  RelationshipEstablished: null,
  CustomerAdded: about('customer-created'),
  BillingProfileUpdated: about('customer-billing-profile-updated'),
  CustomerPersonalDataErased: about('customer-personal-data-erased'),
  DelegatedAdminApproved: about('dap-admin-relationship-approved'),
  DelegatedAdminTerminated: about('dap-admin-relationship-terminated'),
  RelationshipRemoved: about('relationship-removed'),
  CustomerTagAssigned: about('customer-tags-updated'),
  CustomerTagUnassigned: about('customer-tags-updated'),
  OrderCreated: ({ data }) => ({
    eventName: 'order-created',
    resourceName: 'order',
    resourceUri: `${customer(data.customerId)}/orders`,
  }),
  SubscriptionSuspended: subscription,
  SubscriptionCancelled: subscription,
  ResellerRelationshipRequested: invitation('relationship-request-created'),
  ResellerRelationshipRequestRevoked: invitation('relationship-request-revoked'),
  ResellerRelationshipAccepted: ({ data }) => ({
    eventName:
      data.relationship === 'indirect-reseller'
        ? 'indirect-reseller-relationship-accepted-by-customer'
        : 'reseller-relationship-accepted-by-customer',
    resourceName: 'customer',
    resourceUri: customer(data.customerId),
  }),
};

/** The notice of a domain event, or undefined when partners are not notified of it. */
export function webhookNoticeOf(event: CustomersDomainEvent): WebhookNotice | undefined {
  // The record pairs each type with its own notice; TypeScript cannot follow that pairing
  // through the lookup, so the event is handed on as the type it was looked up by.
  const notice = NOTICES[event.type] as ((event: CustomersDomainEvent) => WebhookNotice) | null;
  return notice ? notice(event) : undefined;
}
