import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  CUSTOMER,
  DIRECT,
  directCustomer,
  established,
  RESELLER,
  STRANGER,
  tagAssigned,
} from '../testing/customers.fixtures.js';
import type { AssignCustomerTag } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const spec = deciderSpecification(customerDecider);

const assign = (tagId: string, partnerId = DIRECT, inCatalog = true): AssignCustomerTag => ({
  type: 'AssignCustomerTag',
  data: {
    customerId: CUSTOMER,
    partnerId,
    tagId,
    ...(inCatalog ? { tag: { tagId, name: `Tag ${tagId}` } } : {}),
  },
});
const unassign = (tagId: string, partnerId = DIRECT) =>
  ({ type: 'UnassignCustomerTag', data: { customerId: CUSTOMER, partnerId, tagId } }) as const;
const tags = (count: number, partnerId = DIRECT): CustomerEvent[] =>
  Array.from({ length: count }, (_, i) => tagAssigned(partnerId, `t-${i}`));

describe('assigning tags to a customer', () => {
  it('assigns a catalog tag, recording its name', () => {
    spec
      .given(directCustomer())
      .when(assign('t-1'))
      .then([tagAssigned(DIRECT, 't-1')]);
  });

  it('does nothing when the tag is already assigned', () => {
    spec
      .given([...directCustomer(), tagAssigned(DIRECT, 't-1')])
      .when(assign('t-1'))
      .then([]);
  });

  it('refuses a tag that is not in the caller’s catalog', () => {
    spec
      .given(directCustomer())
      .when(assign('t-1', DIRECT, false))
      .thenThrows({ code: 'tag-not-found', kind: 'not-found' });
  });

  it('refuses a catalog entry that is not the tag named', () => {
    const mismatched: AssignCustomerTag = {
      type: 'AssignCustomerTag',
      data: {
        customerId: CUSTOMER,
        partnerId: DIRECT,
        tagId: 't-1',
        tag: { tagId: 't-2', name: 'Other' },
      },
    };
    spec.given(directCustomer()).when(mismatched).thenThrows({ code: 'tag-not-found' });
  });

  it('allows the 150th tag of a partner on a customer', () => {
    spec
      .given([...directCustomer(), ...tags(149)])
      .when(assign('t-new'))
      .then([tagAssigned(DIRECT, 't-new')]);
  });

  it('refuses a 151st tag of a partner on a customer', () => {
    spec
      .given([...directCustomer(), ...tags(150)])
      .when(assign('t-new'))
      .thenThrows({ code: 'tag-limit-reached', kind: 'rule' });
  });

  it('still does nothing for an already assigned tag at the limit', () => {
    spec
      .given([...directCustomer(), ...tags(150)])
      .when(assign('t-0'))
      .then([]);
  });

  it('counts the limit per partner: another partner’s tags do not count', () => {
    spec
      .given([
        ...directCustomer(),
        established(RESELLER, 'indirect-reseller'),
        ...tags(150, RESELLER),
      ])
      .when(assign('t-new'))
      .then([tagAssigned(DIRECT, 't-new')]);
  });

  it('frees a place when a tag is unassigned', () => {
    const off: CustomerEvent = {
      type: 'CustomerTagUnassigned',
      data: { customerId: CUSTOMER, partnerId: DIRECT, tagId: 't-0', tagName: 'Tag t-0' },
    };
    spec
      .given([...directCustomer(), ...tags(150), off])
      .when(assign('t-new'))
      .then([tagAssigned(DIRECT, 't-new')]);
  });

  it('answers not-found to a partner without a relationship with the customer', () => {
    spec
      .given(directCustomer())
      .when(assign('t-1', STRANGER))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });
});

describe('unassigning tags from a customer', () => {
  it('unassigns an assigned tag, recording its name', () => {
    spec
      .given([...directCustomer(), tagAssigned(DIRECT, 't-1')])
      .when(unassign('t-1'))
      .then([
        {
          type: 'CustomerTagUnassigned',
          data: { customerId: CUSTOMER, partnerId: DIRECT, tagId: 't-1', tagName: 'Tag t-1' },
        },
      ]);
  });

  it('does nothing when the tag is not assigned', () => {
    spec.given(directCustomer()).when(unassign('t-1')).then([]);
  });

  it('does not touch another partner’s assignment of a tag with the same id', () => {
    spec
      .given([
        ...directCustomer(),
        established(RESELLER, 'indirect-reseller'),
        tagAssigned(RESELLER, 't-1'),
      ])
      .when(unassign('t-1'))
      .then([]);
  });

  it('answers not-found to a partner without a relationship with the customer', () => {
    spec
      .given(directCustomer())
      .when(unassign('t-1', STRANGER))
      .thenThrows({ code: 'customer-not-found' });
  });
});
