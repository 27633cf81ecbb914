import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  billingProfile,
  companyProfile,
  CUSTOMER,
  customerAdded,
  DIRECT,
  directCustomer,
  established,
  RESELLER,
  STRANGER,
} from '../testing/customers.fixtures.js';
import type { UpdateBillingProfile } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';
import type { BillingProfile } from './customer.types.js';
import { isVisibleTo } from './customer.visibility.js';

const spec = deciderSpecification(customerDecider);

const newProfile: BillingProfile = {
  ...billingProfile,
  email: 'fakturace@zlutoucky.cz',
  defaultAddress: { ...billingProfile.defaultAddress, city: 'Brno', postalCode: '602 00' },
};
const update = (
  partnerId: string,
  expectedVersion: number,
  profile: BillingProfile = newProfile,
): UpdateBillingProfile => ({
  type: 'UpdateBillingProfile',
  data: { customerId: CUSTOMER, partnerId, billingProfile: profile, expectedVersion },
});
const updated = (old: BillingProfile, next: BillingProfile, partnerId = DIRECT): CustomerEvent => ({
  type: 'BillingProfileUpdated',
  data: { customerId: CUSTOMER, partnerId, old, new: next },
});

describe('adding a customer', () => {
  const add = {
    type: 'AddCustomer',
    data: { customerId: CUSTOMER, partnerId: DIRECT, companyProfile, billingProfile },
  } as const;

  it('adds the customer with the caller as its direct reseller, without DAP', () => {
    spec
      .given([])
      .when(add)
      .then([customerAdded(DIRECT), established(DIRECT, 'direct-reseller')]);
  });

  it('refuses a customer id that already exists', () => {
    spec
      .given(directCustomer())
      .when(add)
      .thenThrows({ code: 'customer-already-exists', kind: 'conflict' });
  });
});

describe('updating the billing profile', () => {
  it('replaces the profile, recording old and new values', () => {
    spec
      .given(directCustomer())
      .when(update(DIRECT, 0))
      .then([updated(billingProfile, newProfile)]);
  });

  it('counts versions: the second update expects version 1', () => {
    spec
      .given([...directCustomer(), updated(billingProfile, newProfile)])
      .when(update(DIRECT, 1, billingProfile))
      .then([updated(newProfile, billingProfile)]);
  });

  it('refuses a stale version (If-Match) as a failed precondition', () => {
    spec
      .given([...directCustomer(), updated(billingProfile, newProfile)])
      .when(update(DIRECT, 0))
      .thenThrows({ code: 'stale-billing-profile', kind: 'precondition' });
  });

  it("is not made stale by other partners' changes to the customer stream", () => {
    spec
      .given([...directCustomer(), established(RESELLER, 'indirect-reseller')])
      .when(update(DIRECT, 0))
      .then([updated(billingProfile, newProfile)]);
  });

  it('records nothing when the profile is unchanged, whatever the field order', () => {
    const reversed = <T extends object>(value: T): T =>
      Object.fromEntries(Object.entries(value).reverse()) as T;
    const reordered = {
      ...reversed(billingProfile),
      defaultAddress: reversed(billingProfile.defaultAddress),
    };
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(billingProfile)[0]);
    spec
      .given(directCustomer())
      .when(update(DIRECT, 0, reordered))
      .then([]);
  });

  it('answers not-found to a partner without a relationship with the customer', () => {
    spec
      .given(directCustomer())
      .when(update(STRANGER, 0))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });

  it('answers not-found for a customer that does not exist', () => {
    spec.given([]).when(update(DIRECT, 0)).thenThrows({ code: 'customer-not-found' });
  });

  it('answers not-found to a partner whose relationship was removed', () => {
    const removed: CustomerEvent = {
      type: 'RelationshipRemoved',
      data: {
        customerId: CUSTOMER,
        partnerId: DIRECT,
        relationship: 'direct-reseller',
        attestationReason: 'Contract ended',
      },
    };
    spec
      .given([...directCustomer(), removed])
      .when(update(DIRECT, 0))
      .thenThrows({ code: 'customer-not-found' });
  });

  it('gives a customer added by invitation (no billing profile yet) its first one', () => {
    const invited: CustomerEvent = {
      type: 'CustomerAdded',
      data: {
        customerId: CUSTOMER,
        companyProfile,
        billingProfile: null,
        addedByPartnerId: DIRECT,
        invitationId: 'i-1',
      },
    };
    spec
      .given([invited, established(DIRECT, 'direct-reseller')])
      .when(update(DIRECT, 0))
      .then([
        {
          type: 'BillingProfileUpdated',
          data: { customerId: CUSTOMER, partnerId: DIRECT, old: null, new: newProfile },
        },
      ]);
  });
});

describe('who sees a customer', () => {
  const fold = (events: CustomerEvent[]) =>
    events.reduce(customerDecider.evolve, customerDecider.initialState());

  it('is a partner with an active relationship, nobody else', () => {
    const state = fold(directCustomer());
    expect(isVisibleTo(state, DIRECT)).toBe(true);
    expect(isVisibleTo(state, STRANGER)).toBe(false);
    expect(isVisibleTo(fold([]), DIRECT)).toBe(false);
  });
});
