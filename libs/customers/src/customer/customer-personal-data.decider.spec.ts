import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  billingProfile,
  CUSTOMER,
  DIRECT,
  directCustomer,
  established,
  RESELLER,
  STRANGER,
} from '../testing/customers.fixtures.js';
import type { ErasePersonalData } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';
import { type CustomerState, evolveCustomer, initialCustomerState } from './customer.state.js';
import type { BillingProfile } from './customer.types.js';
import { erasedProfile, personalFieldsOf, type RecordedBillingProfile } from './personal-data.js';

const spec = deciderSpecification(customerDecider);

const attestation = { accepted: true, reason: '  The customer asked for erasure (art. 17)  ' };
const erase = (partnerId = DIRECT, attested = attestation): ErasePersonalData => ({
  type: 'ErasePersonalData',
  data: { customerId: CUSTOMER, partnerId, attestation: attested },
});
const erased = (
  erasedFields: readonly string[],
  partnerId = DIRECT,
): Extract<CustomerEvent, { type: 'CustomerPersonalDataErased' }> => ({
  type: 'CustomerPersonalDataErased',
  data: {
    customerId: CUSTOMER,
    partnerId,
    attestationReason: 'The customer asked for erasure (art. 17)',
    erasedFields: erasedFields as never,
  },
});
const withPhone: BillingProfile = { ...billingProfile, phoneNumber: '+420 601 123 456' };
const updated = (old: RecordedBillingProfile | null, next: BillingProfile): CustomerEvent => ({
  type: 'BillingProfileUpdated',
  data: { customerId: CUSTOMER, partnerId: DIRECT, old, new: next },
});
const FIXTURE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'defaultAddress.addressLine1',
  'defaultAddress.city',
  'defaultAddress.postalCode',
];
const fold = (events: readonly CustomerEvent[]): CustomerState =>
  events.reduce(evolveCustomer, initialCustomerState());

describe('erasing a customer’s personal data', () => {
  it('records the erasure with the trimmed reason and the fields that held a value, no value itself', () => {
    spec
      .given(directCustomer())
      .when(erase())
      .then([erased(FIXTURE_FIELDS)]);
  });

  it('names the fields of every profile since the last erasure (a phone set, then removed)', () => {
    spec
      .given([
        ...directCustomer(),
        updated(billingProfile, withPhone),
        updated(withPhone, billingProfile),
      ])
      .when(erase())
      .then([
        erased(['firstName', 'lastName', 'email', 'phoneNumber', ...FIXTURE_FIELDS.slice(3)]),
      ]);
  });

  it('lets any partner holding a relationship erase', () => {
    spec
      .given([...directCustomer(), established(RESELLER, 'indirect-reseller')])
      .when(erase(RESELLER))
      .then([erased(FIXTURE_FIELDS, RESELLER)]);
  });

  it('answers not-found to a partner without a relationship (rule 5)', () => {
    spec
      .given(directCustomer())
      .when(erase(STRANGER))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });

  it('refuses an attestation not accepted, naming it a validation failure', () => {
    spec
      .given(directCustomer())
      .when(erase(DIRECT, { accepted: false, reason: 'asked' }))
      .thenThrows({ code: 'erasure-not-attested', kind: 'validation' });
  });

  it('refuses a blank reason', () => {
    spec
      .given(directCustomer())
      .when(erase(DIRECT, { accepted: true, reason: ' \t ' }))
      .thenThrows({ code: 'erasure-reason-required', kind: 'validation' });
  });

  it('refuses a customer without a billing profile: nothing to erase', () => {
    const added: CustomerEvent = {
      type: 'CustomerAdded',
      data: {
        customerId: CUSTOMER,
        companyProfile: { companyName: 'Northwind', domain: 'northwind.example' },
        billingProfile: null,
        addedByPartnerId: DIRECT,
        invitationId: 'i-1',
      },
    };
    spec
      .given([added, established(DIRECT, 'direct-reseller')])
      .when(erase())
      .thenThrows({ code: 'no-personal-data', kind: 'conflict' });
  });

  it('refuses a second erasure while no new profile was set', () => {
    spec
      .given([...directCustomer(), erased(FIXTURE_FIELDS)])
      .when(erase())
      .thenThrows({ code: 'personal-data-already-erased', kind: 'conflict' });
  });

  it('erases again once a new profile was set after the first erasure, naming its fields only', () => {
    const after = erasedProfile(billingProfile);
    const next: BillingProfile = { ...billingProfile };
    delete (next as { firstName?: string }).firstName;
    delete (next as { lastName?: string }).lastName;
    spec
      .given([...directCustomer(), erased(FIXTURE_FIELDS), updated(after, next)])
      .when(erase())
      .then([erased(FIXTURE_FIELDS.slice(2))]);
  });
});

describe('the state after an erasure', () => {
  it('holds the profile erased (business fields kept), a new ETag version and no personal field', () => {
    const state = fold([...directCustomer(), erased(FIXTURE_FIELDS)]);
    if (state.status !== 'existing') throw new Error('no customer');
    expect(state.customer.billingProfile).toEqual({
      companyName: billingProfile.companyName,
      email: null,
      culture: 'cs-CZ',
      language: 'cs',
      firstName: null,
      lastName: null,
      phoneNumber: null,
      defaultAddress: {
        addressLine1: null,
        addressLine2: null,
        city: null,
        postalCode: null,
        country: 'CZ',
      },
      personalDataErased: true,
    });
    expect(state.customer.billingProfileVersion).toBe(1);
    expect(state.customer.personalFieldsHeld).toEqual([]);
  });

  it('reads an erased profile as holding no personal field', () => {
    expect(personalFieldsOf(erasedProfile(withPhone))).toEqual([]);
    expect(personalFieldsOf(withPhone)).toContain('phoneNumber');
  });
});
