import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  CUSTOMER,
  DIRECT,
  directCustomer,
  established,
  lineItem,
  orderCreated,
  RESELLER,
  STRANGER,
} from '../testing/customers.fixtures.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const spec = deciderSpecification(customerDecider);

const command = (type: 'SuspendSubscription' | 'CancelSubscription', partnerId = DIRECT) =>
  ({ type, data: { customerId: CUSTOMER, partnerId, subscriptionId: 's-1' } }) as const;
const change = { customerId: CUSTOMER, partnerId: DIRECT, orderId: 'o-1', subscriptionId: 's-1' };
const suspended: CustomerEvent = {
  type: 'SubscriptionSuspended',
  data: { ...change, previousStatus: 'active' },
};
const cancelledFrom = (previousStatus: 'active' | 'suspended'): CustomerEvent => ({
  type: 'SubscriptionCancelled',
  data: { ...change, previousStatus },
});
const ordered = (): CustomerEvent[] => [
  ...directCustomer(),
  orderCreated(DIRECT, 'direct-reseller', [lineItem('s-1')]),
];

describe('the subscription lifecycle', () => {
  it('suspends an active subscription', () => {
    spec.given(ordered()).when(command('SuspendSubscription')).then([suspended]);
  });

  it('cancels an active subscription', () => {
    spec
      .given(ordered())
      .when(command('CancelSubscription'))
      .then([cancelledFrom('active')]);
  });

  it('cancels a suspended subscription', () => {
    spec
      .given([...ordered(), suspended])
      .when(command('CancelSubscription'))
      .then([cancelledFrom('suspended')]);
  });

  it('refuses to suspend a suspended subscription', () => {
    spec
      .given([...ordered(), suspended])
      .when(command('SuspendSubscription'))
      .thenThrows({ code: 'subscription-already-suspended', kind: 'conflict' });
  });

  it('keeps cancellation final: no suspending a cancelled subscription', () => {
    spec
      .given([...ordered(), cancelledFrom('active')])
      .when(command('SuspendSubscription'))
      .thenThrows({ code: 'subscription-already-cancelled', kind: 'conflict' });
  });

  it('keeps cancellation final: no cancelling twice', () => {
    spec
      .given([...ordered(), cancelledFrom('active')])
      .when(command('CancelSubscription'))
      .thenThrows({ code: 'subscription-already-cancelled' });
  });

  it('answers not-found for an unknown subscription', () => {
    spec
      .given(directCustomer())
      .when(command('SuspendSubscription'))
      .thenThrows({ code: 'subscription-not-found', kind: 'not-found' });
  });

  it('lets only the partner that ordered change a subscription', () => {
    spec
      .given([...ordered(), established(RESELLER, 'indirect-reseller')])
      .when(command('CancelSubscription', RESELLER))
      .thenThrows({ code: 'subscription-not-found', kind: 'not-found' });
  });

  it('answers not-found to a partner without a relationship with the customer', () => {
    spec
      .given(ordered())
      .when(command('SuspendSubscription', STRANGER))
      .thenThrows({ code: 'customer-not-found' });
  });
});
