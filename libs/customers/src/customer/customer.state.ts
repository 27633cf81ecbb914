import { Map as PersistentMap, Set as PersistentSet } from 'immutable';
import { assertNever } from '@customer-workspace/kernel';
import type { CustomerEvent } from './customer.events.js';
import type { CompanyProfile, PartnerRelationship, SubscriptionStatus } from './customer.types.js';
import {
  erasedProfile,
  PERSONAL_FIELDS,
  type PersonalField,
  personalFieldsOf,
  type RecordedBillingProfile,
} from './personal-data.js';

/** A relationship in force, with whether it carries delegated admin privileges. */
export interface ActiveRelationship extends PartnerRelationship {
  readonly delegatedAdmin: boolean;
}

/** A subscription, created by one line item of an order. */
export interface Subscription {
  readonly subscriptionId: string;
  readonly orderId: string;
  /** The partner that ordered it: the only one that may suspend or cancel it. */
  readonly partnerId: string;
  readonly relationship: PartnerRelationship['relationship'];
  readonly partnerIdOnRecord?: string;
  readonly status: SubscriptionStatus;
}

/** Everything about one customer, for all partners. */
export interface ExistingCustomer {
  readonly customerId: string;
  readonly companyProfile: CompanyProfile;
  /** Erased (`ErasedBillingProfile`) from the erasure until a new profile is set. */
  readonly billingProfile: RecordedBillingProfile | null;
  /** 0 when added, +1 per `BillingProfileUpdated` or erasure: the billing profile's ETag. */
  readonly billingProfileVersion: number;
  /**
   * The personal fields that held a value in any billing profile since the last erasure (or
   * ever): what an erasure would make unreadable.
   */
  readonly personalFieldsHeld: readonly PersonalField[];
  readonly relationships: readonly ActiveRelationship[];
  /**
   * Persistent collections (structural sharing): an order adds to them without copying them,
   * so folding a customer with thousands of orders costs in proportion to its events.
   */
  readonly orderIds: PersistentSet<string>;
  readonly subscriptions: PersistentMap<string, Subscription>;
  /** Partner id → (tag id → tag name): each partner's tags on this customer. */
  readonly tags: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** State of a `customer-<id>` stream. */
export type CustomerState =
  | { readonly status: 'unknown' }
  | { readonly status: 'existing'; readonly customer: ExistingCustomer };

/** The state of a stream with no events. */
export const initialCustomerState = (): CustomerState => ({ status: 'unknown' });

/** Folds one customer event into the state. */
export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'CustomerAdded') return { status: 'existing', customer: added(event.data) };
  if (state.status !== 'existing') return state;
  return { status: 'existing', customer: evolveExisting(state.customer, event) };
}

function added(data: Extract<CustomerEvent, { type: 'CustomerAdded' }>['data']): ExistingCustomer {
  return {
    customerId: data.customerId,
    companyProfile: data.companyProfile,
    billingProfile: data.billingProfile,
    billingProfileVersion: 0,
    personalFieldsHeld: personalFieldsOf(data.billingProfile),
    relationships: [],
    orderIds: PersistentSet(),
    subscriptions: PersistentMap(),
    tags: new Map(),
  };
}

function evolveExisting(customer: ExistingCustomer, event: CustomerEvent): ExistingCustomer {
  switch (event.type) {
    case 'CustomerAdded':
      return customer;
    case 'RelationshipEstablished': {
      const { partnerId, relationship, delegatedAdmin } = event.data;
      const others = customer.relationships.filter((r) => !same(r, event.data));
      return {
        ...customer,
        relationships: [...others, { partnerId, relationship, delegatedAdmin }],
      };
    }
    case 'DelegatedAdminApproved':
      return withDelegatedAdmin(customer, event.data, true);
    case 'DelegatedAdminTerminated':
      return withDelegatedAdmin(customer, event.data, false);
    case 'RelationshipRemoved': {
      const relationships = customer.relationships.filter((r) => !same(r, event.data));
      return { ...customer, relationships };
    }
    case 'BillingProfileUpdated':
      return {
        ...customer,
        billingProfile: event.data.new,
        billingProfileVersion: customer.billingProfileVersion + 1,
        personalFieldsHeld: held(customer.personalFieldsHeld, personalFieldsOf(event.data.new)),
      };
    case 'CustomerPersonalDataErased':
      return {
        ...customer,
        // The profile changed: a PUT decided on the profile read before the erasure is stale.
        billingProfile: customer.billingProfile && erasedProfile(customer.billingProfile),
        billingProfileVersion: customer.billingProfileVersion + 1,
        personalFieldsHeld: [],
      };
    case 'OrderCreated':
      return withOrder(customer, event.data);
    case 'SubscriptionSuspended':
      return withStatus(customer, event.data.subscriptionId, 'suspended');
    case 'SubscriptionCancelled':
      return withStatus(customer, event.data.subscriptionId, 'cancelled');
    case 'CustomerTagAssigned':
    case 'CustomerTagUnassigned':
      return withTag(customer, event);
    default:
      return assertNever(event);
  }
}

/** Both sets of personal fields, in the order of `PERSONAL_FIELDS`. */
function held(
  before: readonly PersonalField[],
  added: readonly PersonalField[],
): readonly PersonalField[] {
  return PERSONAL_FIELDS.filter((field) => before.includes(field) || added.includes(field));
}

/** Whether two records name the same partner and relationship kind. */
export const same = (a: PartnerRelationship, b: PartnerRelationship): boolean =>
  a.partnerId === b.partnerId && a.relationship === b.relationship;

function withDelegatedAdmin(
  customer: ExistingCustomer,
  target: PartnerRelationship,
  delegatedAdmin: boolean,
): ExistingCustomer {
  const relationships = customer.relationships.map((r) =>
    same(r, target) ? { ...r, delegatedAdmin } : r,
  );
  return { ...customer, relationships };
}

function withOrder(
  customer: ExistingCustomer,
  order: Extract<CustomerEvent, { type: 'OrderCreated' }>['data'],
): ExistingCustomer {
  const { orderId, partnerId, relationship } = order;
  const subscriptions = customer.subscriptions.withMutations((added) => {
    for (const { subscriptionId, partnerIdOnRecord } of order.lineItems) {
      const status = 'active';
      added.set(subscriptionId, {
        subscriptionId,
        orderId,
        partnerId,
        relationship,
        partnerIdOnRecord,
        status,
      });
    }
  });
  const orderIds = customer.orderIds.add(order.orderId);
  return { ...customer, orderIds, subscriptions };
}

function withStatus(
  customer: ExistingCustomer,
  subscriptionId: string,
  status: SubscriptionStatus,
): ExistingCustomer {
  const subscription = customer.subscriptions.get(subscriptionId);
  if (subscription === undefined) return customer;
  const subscriptions = customer.subscriptions.set(subscriptionId, { ...subscription, status });
  return { ...customer, subscriptions };
}

function withTag(
  customer: ExistingCustomer,
  event: Extract<CustomerEvent, { type: 'CustomerTagAssigned' | 'CustomerTagUnassigned' }>,
): ExistingCustomer {
  const { partnerId, tagId, tagName } = event.data;
  const partnerTags = new Map(customer.tags.get(partnerId));
  if (event.type === 'CustomerTagAssigned') partnerTags.set(tagId, tagName);
  else partnerTags.delete(tagId);
  const tags = new Map(customer.tags).set(partnerId, partnerTags);
  return { ...customer, tags };
}

/**
 * The customer a command just created or changed. A command that succeeded leaves one, so its
 * absence is a broken invariant (named after the command), not a case to handle.
 */
export function existingCustomer(state: CustomerState, after: string): ExistingCustomer {
  if (state.status !== 'existing') throw new Error(`${after} left no customer`);
  return state.customer;
}
