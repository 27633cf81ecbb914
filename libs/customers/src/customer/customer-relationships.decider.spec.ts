import { deciderSpecification } from '@customer-workspace/kernel/testing';
import type { Relationship } from '../common/domain.constants.js';
import {
  CUSTOMER,
  customerAdded,
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
import type { RemoveRelationship } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const spec = deciderSpecification(customerDecider);

const remove = (
  partnerId: string,
  relationship: Relationship,
  attestation = { accepted: true, reason: '  Contract ended  ' },
): RemoveRelationship => ({
  type: 'RemoveRelationship',
  data: { customerId: CUSTOMER, partnerId, relationship, attestation },
});
const removed = (partnerId: string, relationship: Relationship): CustomerEvent => ({
  type: 'RelationshipRemoved',
  data: { customerId: CUSTOMER, partnerId, relationship, attestationReason: 'Contract ended' },
});
const subscription = (status: 'suspend' | 'cancel', subscriptionId = 's-1'): CustomerEvent => {
  const data = { customerId: CUSTOMER, partnerId: DIRECT, orderId: 'o-1', subscriptionId };
  return status === 'suspend'
    ? { type: 'SubscriptionSuspended', data: { ...data, previousStatus: 'active' } }
    : { type: 'SubscriptionCancelled', data: { ...data, previousStatus: 'active' } };
};
describe('removing a relationship', () => {
  it('removes the relationship with the attested reason, trimmed', () => {
    spec
      .given(directCustomer())
      .when(remove(DIRECT, 'direct-reseller'))
      .then([removed(DIRECT, 'direct-reseller')]);
  });

  it('terminates DAP when the relationship carried it (and nothing about GDAP)', () => {
    spec
      .given([customerAdded(), established(DIRECT, 'direct-reseller', true)])
      .when(remove(DIRECT, 'direct-reseller'))
      .then([
        removed(DIRECT, 'direct-reseller'),
        {
          type: 'DelegatedAdminTerminated',
          data: { customerId: CUSTOMER, partnerId: DIRECT, relationship: 'direct-reseller' },
        },
      ]);
  });

  it('needs the attestation to be accepted', () => {
    spec
      .given(directCustomer())
      .when(remove(DIRECT, 'direct-reseller', { accepted: false, reason: 'Contract ended' }))
      .thenThrows({ code: 'attestation-required', kind: 'rule' });
  });

  it('needs the attestation to give a reason', () => {
    spec
      .given(directCustomer())
      .when(remove(DIRECT, 'direct-reseller', { accepted: true, reason: '   ' }))
      .thenThrows({ code: 'attestation-required', kind: 'rule' });
  });

  it('is refused while an active subscription remains under the relationship', () => {
    spec
      .given([...directCustomer(), orderCreated(DIRECT, 'direct-reseller', [lineItem('s-1')])])
      .when(remove(DIRECT, 'direct-reseller'))
      .thenThrows({ code: 'active-subscriptions', kind: 'conflict', subscriptionIds: ['s-1'] });
  });

  it('is refused while a suspended subscription remains under the relationship', () => {
    spec
      .given([
        ...directCustomer(),
        orderCreated(DIRECT, 'direct-reseller', [lineItem('s-1')]),
        subscription('suspend'),
      ])
      .when(remove(DIRECT, 'direct-reseller'))
      .thenThrows({ code: 'active-subscriptions' });
  });

  it('is allowed once every subscription under the relationship is cancelled', () => {
    spec
      .given([
        ...directCustomer(),
        orderCreated(DIRECT, 'direct-reseller', [lineItem('s-1')]),
        subscription('cancel'),
      ])
      .when(remove(DIRECT, 'direct-reseller'))
      .then([removed(DIRECT, 'direct-reseller')]);
  });

  it("ignores subscriptions under the partner's other relationship (dual partner)", () => {
    spec
      .given([
        ...directCustomer(),
        established(DIRECT, 'indirect-reseller'),
        orderCreated(DIRECT, 'indirect-reseller', [lineItem('s-1')]),
      ])
      .when(remove(DIRECT, 'direct-reseller'))
      .then([removed(DIRECT, 'direct-reseller')]);
  });

  it('is refused to an indirect reseller while it is reseller on record of active subscriptions', () => {
    const order = orderCreated(PROVIDER, 'indirect-provider', [
      lineItem('s-1', { partnerIdOnRecord: RESELLER }),
    ]);
    spec
      .given([...indirectCustomer(), order])
      .when(remove(RESELLER, 'indirect-reseller'))
      .thenThrows({ code: 'active-subscriptions' });
  });

  it('cannot remove the relationship an indirect provider holds: it is not the reseller’s own', () => {
    spec
      .given(indirectCustomer())
      .when(remove(RESELLER, 'indirect-provider'))
      .thenThrows({ code: 'relationship-not-found', kind: 'not-found' });
  });

  it('answers not-found for a relationship kind the caller does not hold', () => {
    spec
      .given(directCustomer())
      .when(remove(DIRECT, 'indirect-reseller'))
      .thenThrows({ code: 'relationship-not-found' });
  });

  it('answers not-found to a partner without a relationship with the customer', () => {
    spec
      .given(directCustomer())
      .when(remove(STRANGER, 'direct-reseller'))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });

  it('removes the customer from the partner: afterwards it is not found', () => {
    spec
      .given([...directCustomer(), removed(DIRECT, 'direct-reseller')])
      .when(remove(DIRECT, 'direct-reseller'))
      .thenThrows({ code: 'customer-not-found' });
  });
});
