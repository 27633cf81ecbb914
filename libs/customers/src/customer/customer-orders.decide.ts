import { MAX_LINE_ITEM_QUANTITY, type Relationship } from '../common/domain.constants.js';
import type { CancelSubscription, CreateOrder, SuspendSubscription } from './customer.commands.js';
import { RelationshipNotFound, RelationshipRequired } from './customer.errors.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerState, ExistingCustomer, Subscription } from './customer.state.js';
import type { OrderLineItem } from './customer.types.js';
import { relationshipsOf, visibleCustomer } from './customer.visibility.js';
import {
  LineItemsRequired,
  OrderAlreadyExists,
  PartnerOnRecordNotAllowed,
  PartnerOnRecordNotRelated,
  PartnerOnRecordRequired,
  QuantityOutOfRange,
  SubscriptionAlreadyCancelled,
  SubscriptionAlreadySuspended,
  SubscriptionIdTaken,
  SubscriptionNotFound,
} from './order.errors.js';

/** An order under one of the caller's relationships; every line item becomes a subscription. */
export function createOrder({ data }: CreateOrder, state: CustomerState): CustomerEvent[] {
  const customer = visibleCustomer(state, data);
  if (customer.orderIds.has(data.orderId)) throw new OrderAlreadyExists(data.orderId);
  if (data.lineItems.length === 0) throw new LineItemsRequired();
  const relationship = orderingRelationship(customer, data);
  // The order's own ids; the customer's are looked up, not copied (streams grow long).
  const newIds = new Set<string>();
  for (const item of data.lineItems) {
    checkLineItem(customer, item, relationship);
    if (customer.subscriptions.has(item.subscriptionId) || newIds.has(item.subscriptionId)) {
      throw new SubscriptionIdTaken(item.subscriptionId);
    }
    newIds.add(item.subscriptionId);
  }
  const { customerId, orderId, partnerId, catalog, lineItems } = data;
  return [
    {
      type: 'OrderCreated',
      data: { customerId, orderId, partnerId, relationship, catalog, lineItems },
    },
  ];
}

/** The named relationship, which the caller must hold; or its only one when none is named. */
function orderingRelationship(customer: ExistingCustomer, data: CreateOrder['data']): Relationship {
  const held = relationshipsOf(customer, data.partnerId).map((r) => r.relationship);
  if (data.relationship !== undefined) {
    if (!held.includes(data.relationship)) {
      throw new RelationshipNotFound(data.customerId, data.relationship);
    }
    return data.relationship;
  }
  const [only, ...others] = held;
  if (only === undefined || others.length > 0) throw new RelationshipRequired(held);
  return only;
}

function checkLineItem(
  customer: ExistingCustomer,
  item: OrderLineItem,
  relationship: Relationship,
): void {
  const { quantity, partnerIdOnRecord } = item;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_ITEM_QUANTITY) {
    throw new QuantityOutOfRange(quantity);
  }
  if (relationship !== 'indirect-provider') {
    if (partnerIdOnRecord !== undefined) throw new PartnerOnRecordNotAllowed();
    return;
  }
  if (partnerIdOnRecord === undefined) throw new PartnerOnRecordRequired();
  const related = customer.relationships.some(
    (r) => r.partnerId === partnerIdOnRecord && r.relationship === 'indirect-reseller',
  );
  if (!related) throw new PartnerOnRecordNotRelated(partnerIdOnRecord);
}

/** Suspends an active subscription of the caller's. */
export function suspendSubscription(
  { data }: SuspendSubscription,
  state: CustomerState,
): CustomerEvent[] {
  const subscription = ownSubscription(state, data);
  switch (subscription.status) {
    case 'active': {
      const { customerId, partnerId, subscriptionId } = data;
      const { orderId } = subscription;
      return [
        {
          type: 'SubscriptionSuspended',
          data: { customerId, partnerId, orderId, subscriptionId, previousStatus: 'active' },
        },
      ];
    }
    case 'suspended':
      throw new SubscriptionAlreadySuspended(data.subscriptionId);
    case 'cancelled':
      throw new SubscriptionAlreadyCancelled(data.subscriptionId);
  }
}

/** Cancels an active or suspended subscription of the caller's; cancellation is final. */
export function cancelSubscription(
  { data }: CancelSubscription,
  state: CustomerState,
): CustomerEvent[] {
  const subscription = ownSubscription(state, data);
  const previousStatus = subscription.status;
  if (previousStatus === 'cancelled') throw new SubscriptionAlreadyCancelled(data.subscriptionId);
  const { customerId, partnerId, subscriptionId } = data;
  const { orderId } = subscription;
  return [
    {
      type: 'SubscriptionCancelled',
      data: { customerId, partnerId, orderId, subscriptionId, previousStatus },
    },
  ];
}

/** Only the partner that ordered a subscription sees it; anyone else gets not-found. */
function ownSubscription(
  state: CustomerState,
  data: SuspendSubscription['data'] | CancelSubscription['data'],
): Subscription {
  const customer = visibleCustomer(state, data);
  const subscription = customer.subscriptions.get(data.subscriptionId);
  if (subscription?.partnerId !== data.partnerId) {
    throw new SubscriptionNotFound(data.subscriptionId);
  }
  return subscription;
}
