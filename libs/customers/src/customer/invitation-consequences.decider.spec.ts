import { deciderSpecification } from '@customer-workspace/kernel/testing';
import type { ResellerRelationshipAccepted } from '../invitation/invitation.events.js';
import type { Relationship } from '../common/domain.constants.js';
import {
  CUSTOMER,
  customerAdded,
  DIRECT,
  directCustomer,
  established,
  PROVIDER,
  RESELLER,
  STRANGER,
} from '../testing/customers.fixtures.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';
import { isVisibleTo } from './customer.visibility.js';
import { consequencesOfAcceptance } from './customer-relationships.decide.js';

const spec = deciderSpecification(customerDecider);

const acceptance = (
  extra: Partial<ResellerRelationshipAccepted['data']> = {},
): ResellerRelationshipAccepted['data'] => ({
  invitationId: 'i-1',
  partnerId: DIRECT,
  relationship: 'direct-reseller',
  includeDelegatedAdmin: false,
  customerId: CUSTOMER,
  companyProfile: { companyName: 'Typed at acceptance', domain: 'typed.onmicrosoft.com' },
  acceptedAt: '2026-11-21T10:00:00.000Z',
  ...extra,
});
const applyAcceptance = (extra: Partial<ResellerRelationshipAccepted['data']> = {}) =>
  ({ type: 'ApplyAcceptedInvitation', data: { acceptance: acceptance(extra) } }) as const;
const invited = (
  partnerId: string,
  relationship: Relationship,
  delegatedAdmin = false,
): CustomerEvent => ({
  type: 'RelationshipEstablished',
  data: { customerId: CUSTOMER, partnerId, relationship, delegatedAdmin, invitationId: 'i-1' },
});
const dapApproved = (partnerId: string, relationship: Relationship): CustomerEvent => ({
  type: 'DelegatedAdminApproved',
  data: { customerId: CUSTOMER, partnerId, relationship, invitationId: 'i-1' },
});

describe('the consequences of an accepted invitation', () => {
  it('adds a new customer with the company profile given at acceptance, then the relationship', () => {
    spec
      .given([])
      .when(applyAcceptance())
      .then([
        {
          type: 'CustomerAdded',
          data: {
            customerId: CUSTOMER,
            companyProfile: acceptance().companyProfile,
            billingProfile: null,
            addedByPartnerId: DIRECT,
            invitationId: 'i-1',
          },
        },
        invited(DIRECT, 'direct-reseller'),
      ]);
  });

  it('keeps the profile of an existing customer and only adds the relationship', () => {
    spec
      .given([customerAdded(STRANGER), established(STRANGER, 'direct-reseller')])
      .when(applyAcceptance())
      .then([invited(DIRECT, 'direct-reseller')]);
  });

  it('approves DAP when the invitation asked for it', () => {
    spec
      .given(directCustomer().slice(0, 1))
      .when(applyAcceptance({ includeDelegatedAdmin: true }))
      .then([invited(DIRECT, 'direct-reseller', true), dapApproved(DIRECT, 'direct-reseller')]);
  });

  it('establishes the indirect reseller and its indirect provider together, both with DAP', () => {
    spec
      .given([customerAdded(STRANGER)])
      .when(
        applyAcceptance({
          partnerId: RESELLER,
          relationship: 'indirect-reseller',
          indirectProviderId: PROVIDER,
          includeDelegatedAdmin: true,
        }),
      )
      .then([
        invited(RESELLER, 'indirect-reseller', true),
        dapApproved(RESELLER, 'indirect-reseller'),
        invited(PROVIDER, 'indirect-provider', true),
        dapApproved(PROVIDER, 'indirect-provider'),
      ]);
  });

  it('only approves DAP on a relationship already held without it', () => {
    spec
      .given(directCustomer())
      .when(applyAcceptance({ includeDelegatedAdmin: true }))
      .then([dapApproved(DIRECT, 'direct-reseller')]);
  });

  it('skips a provider relationship already held, still establishing the reseller', () => {
    spec
      .given([customerAdded(PROVIDER), established(PROVIDER, 'indirect-provider')])
      .when(
        applyAcceptance({
          partnerId: RESELLER,
          relationship: 'indirect-reseller',
          indirectProviderId: PROVIDER,
        }),
      )
      .then([invited(RESELLER, 'indirect-reseller')]);
  });

  it('is idempotent: applied again to the resulting state it changes nothing', () => {
    const accepted: ResellerRelationshipAccepted = {
      type: 'ResellerRelationshipAccepted',
      data: acceptance({
        partnerId: RESELLER,
        relationship: 'indirect-reseller',
        indirectProviderId: PROVIDER,
        includeDelegatedAdmin: true,
      }),
    };
    const initial = customerDecider.initialState();
    const first = consequencesOfAcceptance(accepted, initial);
    const after = first.reduce(customerDecider.evolve, initial);
    expect(first).toHaveLength(5);
    expect(consequencesOfAcceptance(accepted, after)).toEqual([]);
  });

  it('lets the invited partners see the customer afterwards', () => {
    const accepted: ResellerRelationshipAccepted = {
      type: 'ResellerRelationshipAccepted',
      data: acceptance({
        partnerId: RESELLER,
        relationship: 'indirect-reseller',
        indirectProviderId: PROVIDER,
      }),
    };
    const initial = customerDecider.initialState();
    const after = consequencesOfAcceptance(accepted, initial).reduce(
      customerDecider.evolve,
      initial,
    );
    expect([RESELLER, PROVIDER, STRANGER].map((p) => isVisibleTo(after, p))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
