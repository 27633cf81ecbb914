import type { DomainEvent } from '@customer-workspace/kernel';
import type { Catalog, Relationship } from '../common/domain.constants.js';
import type { CompanyProfile, OrderLineItem } from './customer.types.js';
import type { PersonalField, RecordedBillingProfile } from './personal-data.js';

/**
 * A customer came into being: added by a partner (with a billing profile), or by accepting a
 * *New relationship* invitation (`billingProfile` null, `invitationId` set). Its profile reads
 * erased (`ErasedBillingProfile`) once the customer's personal data is.
 */
export type CustomerAdded = DomainEvent<
  'CustomerAdded',
  {
    readonly customerId: string;
    readonly companyProfile: CompanyProfile;
    readonly billingProfile: RecordedBillingProfile | null;
    readonly addedByPartnerId: string;
    readonly invitationId?: string;
  }
>;

/**
 * A partner now has this relationship with the customer; `invitationId` when an accepted
 * invitation established it, absent when the partner added the customer itself.
 */
export type RelationshipEstablished = DomainEvent<
  'RelationshipEstablished',
  {
    readonly customerId: string;
    readonly partnerId: string;
    readonly relationship: Relationship;
    readonly delegatedAdmin: boolean;
    readonly invitationId?: string;
  }
>;

/** The customer granted delegated admin privileges (DAP) by accepting an invitation. */
export type DelegatedAdminApproved = DomainEvent<
  'DelegatedAdminApproved',
  {
    readonly customerId: string;
    readonly partnerId: string;
    readonly relationship: Relationship;
    readonly invitationId: string;
  }
>;

/**
 * The billing profile was replaced; `old` is null when the customer had none yet. Both read
 * erased once the customer's personal data is.
 */
export type BillingProfileUpdated = DomainEvent<
  'BillingProfileUpdated',
  {
    readonly customerId: string;
    readonly partnerId: string;
    readonly old: RecordedBillingProfile | null;
    readonly new: RecordedBillingProfile;
  }
>;

/**
 * A partner erased the customer's personal data (GDPR art. 17), attesting a reason: the
 * personal fields of every billing profile the customer had so far (`erasedFields`, those that
 * held a value) become unreadable for good. Carries no personal data itself.
 */
export type CustomerPersonalDataErased = DomainEvent<
  'CustomerPersonalDataErased',
  {
    readonly customerId: string;
    readonly partnerId: string;
    readonly attestationReason: string;
    readonly erasedFields: readonly PersonalField[];
  }
>;

/** A partner removed one of its relationships with the customer, attesting a reason. */
export type RelationshipRemoved = DomainEvent<
  'RelationshipRemoved',
  {
    readonly customerId: string;
    readonly partnerId: string;
    readonly relationship: Relationship;
    readonly attestationReason: string;
  }
>;

/** DAP ended with the removed relationship (GDAP grants are never touched). */
export type DelegatedAdminTerminated = DomainEvent<
  'DelegatedAdminTerminated',
  { readonly customerId: string; readonly partnerId: string; readonly relationship: Relationship }
>;

/** A partner ordered under one of its relationships; each line item is a new subscription. */
export type OrderCreated = DomainEvent<
  'OrderCreated',
  {
    readonly customerId: string;
    readonly orderId: string;
    readonly partnerId: string;
    readonly relationship: Relationship;
    readonly catalog: Catalog;
    readonly lineItems: readonly OrderLineItem[];
  }
>;

interface SubscriptionChange<TPrevious> {
  readonly customerId: string;
  readonly partnerId: string;
  readonly orderId: string;
  readonly subscriptionId: string;
  /** The status before the change (the activity log's old value). */
  readonly previousStatus: TPrevious;
}

/** The ordering partner suspended an active subscription. */
export type SubscriptionSuspended = DomainEvent<
  'SubscriptionSuspended',
  SubscriptionChange<'active'>
>;

/** The ordering partner cancelled a subscription; cancellation is final. */
export type SubscriptionCancelled = DomainEvent<
  'SubscriptionCancelled',
  SubscriptionChange<'active' | 'suspended'>
>;

interface TagAssignment {
  readonly customerId: string;
  readonly partnerId: string;
  readonly tagId: string;
  /** The tag's name when the event happened, so the log reads without the catalog. */
  readonly tagName: string;
}

/** A partner put one of its tags on the customer. */
export type CustomerTagAssigned = DomainEvent<'CustomerTagAssigned', TagAssignment>;

/** A partner took one of its tags off the customer. */
export type CustomerTagUnassigned = DomainEvent<'CustomerTagUnassigned', TagAssignment>;

/** Every event of a `customer-<id>` stream. */
export type CustomerEvent =
  | CustomerAdded
  | RelationshipEstablished
  | DelegatedAdminApproved
  | BillingProfileUpdated
  | CustomerPersonalDataErased
  | RelationshipRemoved
  | DelegatedAdminTerminated
  | OrderCreated
  | SubscriptionSuspended
  | SubscriptionCancelled
  | CustomerTagAssigned
  | CustomerTagUnassigned;

/**
 * The schema version of each customer event's data, as this build writes it. A change of shape
 * bumps its version and adds an upcaster from the previous one to `CUSTOMERS_UPCASTERS`.
 */
export const CUSTOMER_EVENT_SCHEMA_VERSIONS: Readonly<Record<CustomerEvent['type'], number>> = {
  CustomerAdded: 1,
  RelationshipEstablished: 1,
  DelegatedAdminApproved: 1,
  BillingProfileUpdated: 1,
  CustomerPersonalDataErased: 1,
  RelationshipRemoved: 1,
  DelegatedAdminTerminated: 1,
  OrderCreated: 1,
  SubscriptionSuspended: 1,
  SubscriptionCancelled: 1,
  CustomerTagAssigned: 1,
  CustomerTagUnassigned: 1,
};
