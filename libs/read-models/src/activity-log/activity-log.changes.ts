import type { CustomersDomainEvent } from '@customer-workspace/customers';
import type { ActivityResourceType } from './activity-log.entry.js';
import { loggedProfile } from './activity-log.erasure.js';

/** What an event changed: the kind of resource and its values before and after. */
export interface ActivityChange {
  readonly resourceType: ActivityResourceType;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
}

/** The events that are entries of their own (`RelationshipEstablished` is a consequence). */
export type LoggedEvent = Exclude<CustomersDomainEvent, { type: 'RelationshipEstablished' }>;

type DataOf<T extends LoggedEvent['type']> = Extract<LoggedEvent, { type: T }>['data'];

/** One describer per logged event type: the compiler refuses a missing one. */
type Describers = { readonly [T in LoggedEvent['type']]: (data: DataOf<T>) => ActivityChange };

/**
 * The old and new values each event shows. Values are picked field by field, never copied
 * whole, so nothing secret (an invitation's `tokenHash`) can slip into the log.
 */
const DESCRIBERS: Describers = {
  PartnerRegistered: ({ name, programs, indirectProviderId, defaultLanguage }) => ({
    resourceType: 'partner',
    newValue: { name, programs, ...defined({ indirectProviderId }), defaultLanguage },
  }),
  TagCreated: ({ tagId, name }) => ({ resourceType: 'tag', newValue: { tagId, name } }),
  TagDeleted: ({ tagId, name }) => ({
    resourceType: 'tag',
    oldValue: { tagId, name },
    newValue: null,
  }),
  CustomersExported: ({ lang }) => ({ resourceType: 'customer-list', newValue: { lang } }),
  ActivityLogExported: ({ filters, format }) => ({
    resourceType: 'activity-log',
    newValue: { filters, format },
  }),
  CustomerAdded: ({ companyProfile, billingProfile, invitationId }) => ({
    resourceType: 'customer',
    newValue: {
      companyProfile,
      billingProfile: loggedProfile(billingProfile),
      ...defined({ invitationId }),
    },
  }),
  BillingProfileUpdated: (data) => ({
    resourceType: 'billing-profile',
    oldValue: loggedProfile(data.old),
    newValue: loggedProfile(data.new),
  }),
  CustomerPersonalDataErased: ({ erasedFields, attestationReason }) => ({
    resourceType: 'billing-profile',
    oldValue: { personalDataErased: false },
    newValue: { personalDataErased: true, erasedFields, attestationReason },
  }),
  ResellerRelationshipRequested: (data) => ({
    resourceType: 'relationship-request',
    newValue: {
      invitationId: data.invitationId,
      relationship: data.relationship,
      ...defined({ indirectProviderId: data.indirectProviderId, customerId: data.customerId }),
      includeDelegatedAdmin: data.includeDelegatedAdmin,
      language: data.language,
      expiresAt: data.expiresAt,
    },
  }),
  ResellerRelationshipRequestRevoked: ({ invitationId }) => ({
    resourceType: 'relationship-request',
    oldValue: { invitationId, status: 'pending' },
    newValue: { invitationId, status: 'revoked' },
  }),
  ResellerRelationshipAccepted: (data) => ({
    resourceType: 'relationship',
    newValue: {
      invitationId: data.invitationId,
      relationship: data.relationship,
      ...defined({ indirectProviderId: data.indirectProviderId }),
      includeDelegatedAdmin: data.includeDelegatedAdmin,
      companyProfile: data.companyProfile,
    },
  }),
  RelationshipRemoved: ({ relationship, attestationReason }) => ({
    resourceType: 'relationship',
    oldValue: { relationship },
    newValue: { relationship: null, attestationReason },
  }),
  DelegatedAdminApproved: ({ relationship }) => delegatedAdmin(relationship, true),
  DelegatedAdminTerminated: ({ relationship }) => delegatedAdmin(relationship, false),
  OrderCreated: ({ orderId, relationship, catalog, lineItems }) => ({
    resourceType: 'order',
    newValue: { orderId, relationship, catalog, lineItems },
  }),
  SubscriptionSuspended: ({ orderId, subscriptionId, previousStatus }) => ({
    resourceType: 'subscription',
    oldValue: { orderId, subscriptionId, status: previousStatus },
    newValue: { orderId, subscriptionId, status: 'suspended' },
  }),
  SubscriptionCancelled: ({ orderId, subscriptionId, previousStatus }) => ({
    resourceType: 'subscription',
    oldValue: { orderId, subscriptionId, status: previousStatus },
    newValue: { orderId, subscriptionId, status: 'cancelled' },
  }),
  CustomerTagAssigned: ({ tagId, tagName }) => ({
    resourceType: 'customer-tag',
    oldValue: null,
    newValue: { tagId, tagName },
  }),
  CustomerTagUnassigned: ({ tagId, tagName }) => ({
    resourceType: 'customer-tag',
    oldValue: { tagId, tagName },
    newValue: null,
  }),
};

/** The resource type and old/new values of a logged event. */
export function changeOf(event: LoggedEvent): ActivityChange {
  const describe = DESCRIBERS[event.type] as (data: LoggedEvent['data']) => ActivityChange;
  return describe(event.data);
}

function delegatedAdmin(relationship: string, approved: boolean): ActivityChange {
  return {
    resourceType: 'delegated-admin',
    oldValue: { relationship, delegatedAdmin: !approved },
    newValue: { relationship, delegatedAdmin: approved },
  };
}

/** The given fields that are set, so an absent optional field is absent from the value too. */
function defined(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
