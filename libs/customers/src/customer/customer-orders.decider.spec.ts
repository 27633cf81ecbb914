import { deciderSpecification } from '@customer-workspace/kernel/testing';
import type { Relationship } from '../common/domain.constants.js';
import {
  customerAdded,
  CUSTOMER,
  DIRECT,
  directCustomer,
  established,
  indirectCustomer,
  lineItem,
  orderCreated,
  PROVIDER,
  RESELLER,
  STRANGER,
} from '../testing/customers.fixtures.js';
import type { CreateOrder } from './customer.commands.js';
import type { CustomerEvent } from './customer.events.js';
import { customerDecider } from './customer.decider.js';
import type { OrderLineItem } from './customer.types.js';

const spec = deciderSpecification(customerDecider);

const order = (
  partnerId: string,
  lineItems: readonly OrderLineItem[],
  relationship?: Relationship,
): CreateOrder => ({
  type: 'CreateOrder',
  data: {
    customerId: CUSTOMER,
    partnerId,
    orderId: 'o-1',
    catalog: 'online-services',
    lineItems,
    ...(relationship === undefined ? {} : { relationship }),
  },
});
const onRecord = (subscriptionId: string) =>
  lineItem(subscriptionId, { partnerIdOnRecord: RESELLER });

describe('creating an order', () => {
  it('creates the order under the caller’s only relationship, one subscription per line', () => {
    const items = [lineItem('s-1'), lineItem('s-2', { quantity: 1, friendlyName: 'E3 for sales' })];
    spec
      .given(directCustomer())
      .when(order(DIRECT, items))
      .then([orderCreated(DIRECT, 'direct-reseller', items)]);
  });

  it('answers not-found to a partner without a relationship with the customer', () => {
    spec
      .given(directCustomer())
      .when(order(STRANGER, [lineItem('s-1')]))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });

  it('needs a dual partner holding two relationships to name the one it orders under', () => {
    spec
      .given([...directCustomer(), established(DIRECT, 'indirect-reseller')])
      .when(order(DIRECT, [lineItem('s-1')]))
      .thenThrows({ code: 'relationship-required', kind: 'validation' });
  });

  it('orders under the relationship a dual partner names', () => {
    spec
      .given([...directCustomer(), established(DIRECT, 'indirect-reseller')])
      .when(order(DIRECT, [lineItem('s-1')], 'indirect-reseller'))
      .then([orderCreated(DIRECT, 'indirect-reseller', [lineItem('s-1')])]);
  });

  it('refuses a named relationship the caller does not hold', () => {
    spec
      .given(directCustomer())
      .when(order(DIRECT, [lineItem('s-1')], 'indirect-provider'))
      .thenThrows({ code: 'relationship-not-found', kind: 'not-found' });
  });

  it('needs at least one line item', () => {
    spec
      .given(directCustomer())
      .when(order(DIRECT, []))
      .thenThrows({ code: 'line-items-required', kind: 'validation' });
  });

  it.each([0, -1, 10_001, 1.5, Number.NaN])(
    'refuses quantity %p (an integer from 1 to 10,000)',
    (quantity) => {
      spec
        .given(directCustomer())
        .when(order(DIRECT, [lineItem('s-1', { quantity })]))
        .thenThrows({ code: 'quantity-out-of-range', kind: 'validation' });
    },
  );

  it('accepts the quantity bounds 1 and 10,000', () => {
    const items = [lineItem('s-1', { quantity: 1 }), lineItem('s-2', { quantity: 10_000 })];
    spec
      .given(directCustomer())
      .when(order(DIRECT, items))
      .then([orderCreated(DIRECT, 'direct-reseller', items)]);
  });

  it('refuses an order id already used', () => {
    spec
      .given([...directCustomer(), orderCreated(DIRECT, 'direct-reseller', [lineItem('s-1')])])
      .when(order(DIRECT, [lineItem('s-2')]))
      .thenThrows({ code: 'order-already-exists', kind: 'conflict' });
  });

  it('refuses a subscription id used twice in the order', () => {
    spec
      .given(directCustomer())
      .when(order(DIRECT, [lineItem('s-1'), lineItem('s-1')]))
      .thenThrows({ code: 'subscription-id-taken', kind: 'conflict' });
  });

  it('refuses a subscription id already used by an earlier order', () => {
    spec
      .given([
        ...directCustomer(),
        orderCreated(DIRECT, 'direct-reseller', [lineItem('s-1')], 'o-0'),
      ])
      .when(order(DIRECT, [lineItem('s-1')]))
      .thenThrows({ code: 'subscription-id-taken' });
  });

  it('lets an indirect provider order naming its indirect reseller on record', () => {
    spec
      .given(indirectCustomer())
      .when(order(PROVIDER, [onRecord('s-1')]))
      .then([orderCreated(PROVIDER, 'indirect-provider', [onRecord('s-1')])]);
  });

  it('requires an indirect provider to name the reseller on record on every line item', () => {
    spec
      .given(indirectCustomer())
      .when(order(PROVIDER, [onRecord('s-1'), lineItem('s-2')]))
      .thenThrows({ code: 'partner-on-record-required', kind: 'validation' });
  });

  it('requires the reseller on record to hold an indirect-reseller relationship with the customer', () => {
    spec
      .given([customerAdded(PROVIDER), established(PROVIDER, 'indirect-provider')])
      .when(order(PROVIDER, [onRecord('s-1')]))
      .thenThrows({ code: 'partner-on-record-not-related', kind: 'rule' });
  });

  it('does not accept a reseller whose relationship was removed as reseller on record', () => {
    const removed: CustomerEvent = {
      type: 'RelationshipRemoved',
      data: {
        customerId: CUSTOMER,
        partnerId: RESELLER,
        relationship: 'indirect-reseller',
        attestationReason: 'Left',
      },
    };
    spec
      .given([...indirectCustomer(), removed])
      .when(order(PROVIDER, [onRecord('s-1')]))
      .thenThrows({ code: 'partner-on-record-not-related' });
  });

  it('refuses a reseller on record on an order not placed by an indirect provider', () => {
    spec
      .given(indirectCustomer())
      .when(order(RESELLER, [onRecord('s-1')]))
      .thenThrows({ code: 'partner-on-record-not-allowed', kind: 'validation' });
  });

  it('needs the indirect provider’s own relationship: a reseller’s does not let it order', () => {
    spec
      .given([customerAdded(RESELLER), established(RESELLER, 'indirect-reseller')])
      .when(order(PROVIDER, [onRecord('s-1')]))
      .thenThrows({ code: 'customer-not-found' });
  });
});
