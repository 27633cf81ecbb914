import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  accepted,
  EXPIRES_AT,
  REQUESTED_AT,
  request,
  requested,
  reseller,
  revoked,
} from '../testing/invitations.fixtures.js';
import { invitationDecider, relationshipInvitedAlone } from './invitation.decider.js';
import type { InvitationEvent } from './invitation.events.js';
import { invitationStatusAt } from './invitation.state.js';

const spec = deciderSpecification(invitationDecider);

describe('requesting a reseller relationship', () => {
  it('records a New relationship invitation with the token hash only', () => {
    spec.given([]).when(request()).then([requested()]);
  });

  it('records a targeted invitation with DAP', () => {
    spec
      .given([])
      .when(
        request({ customerId: 'c-1', customerVisibleToPartner: true, includeDelegatedAdmin: true }),
      )
      .then([requested({ customerId: 'c-1', includeDelegatedAdmin: true })]);
  });

  it('answers not-found when targeting a customer the partner does not see', () => {
    spec
      .given([])
      .when(request({ customerId: 'c-1', customerVisibleToPartner: false }))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });

  it('gives an indirect reseller inviting alone the indirect-reseller relationship', () => {
    spec
      .given([])
      .when(request(reseller))
      .then([requested({ relationship: 'indirect-reseller' })]);
  });

  it('lets an indirect reseller invite together with its own indirect provider', () => {
    spec
      .given([])
      .when(request({ ...reseller, indirectProviderId: 'p-prov' }))
      .then([requested({ relationship: 'indirect-reseller', indirectProviderId: 'p-prov' })]);
  });

  it('gives a dual partner inviting with its provider the indirect-reseller relationship', () => {
    spec
      .given([])
      .when(
        request({
          ...reseller,
          partnerPrograms: ['direct-bill', 'indirect-reseller'],
          indirectProviderId: 'p-prov',
        }),
      )
      .then([requested({ relationship: 'indirect-reseller', indirectProviderId: 'p-prov' })]);
  });

  it('refuses an indirect reseller inviting with another indirect provider than its own', () => {
    spec
      .given([])
      .when(request({ ...reseller, indirectProviderId: 'p-other' }))
      .thenThrows({ code: 'not-own-indirect-provider', kind: 'rule' });
  });

  it('refuses an invitation with an indirect provider from a partner that is not an indirect reseller', () => {
    spec
      .given([])
      .when(request({ indirectProviderId: 'p-prov' }))
      .thenThrows({ code: 'not-an-indirect-reseller', kind: 'rule' });
  });

  it('refuses an expiry that is not after the request', () => {
    spec
      .given([])
      .when(request({ expiresAt: REQUESTED_AT }))
      .thenThrows({ code: 'invalid-expiry', kind: 'validation' });
  });

  it('refuses anything but a SHA-256 hex digest as the token hash (never the token itself)', () => {
    spec
      .given([])
      .when(request({ tokenHash: 'the-secret-token' }))
      .thenThrows({ code: 'invalid-token-hash', kind: 'validation' });
  });

  it('refuses an invitation id already used', () => {
    spec
      .given([requested()])
      .when(request())
      .thenThrows({ code: 'invitation-already-exists', kind: 'conflict' });
  });
});

describe('the relationship a partner inviting alone gets', () => {
  it('follows its programs: direct bill first, then indirect reseller, then indirect provider', () => {
    expect(relationshipInvitedAlone(['indirect-reseller', 'direct-bill'])).toBe('direct-reseller');
    expect(relationshipInvitedAlone(['indirect-reseller'])).toBe('indirect-reseller');
    expect(relationshipInvitedAlone(['indirect-provider'])).toBe('indirect-provider');
    expect(() => relationshipInvitedAlone([])).toThrow(
      expect.objectContaining({ code: 'programs-required' }),
    );
  });
});

describe('revoking an invitation', () => {
  const revoke = (partnerId = 'p-1') =>
    ({ type: 'RevokeInvitation', data: { invitationId: 'i-1', partnerId } }) as const;

  it('revokes a pending invitation', () => {
    spec.given([requested()]).when(revoke()).then([revoked]);
  });

  it('answers not-found to another partner', () => {
    spec
      .given([requested()])
      .when(revoke('p-2'))
      .thenThrows({ code: 'invitation-not-found', kind: 'not-found' });
  });

  it('answers not-found for an unknown invitation', () => {
    spec.given([]).when(revoke()).thenThrows({ code: 'invitation-not-found' });
  });

  it('refuses to revoke a revoked invitation', () => {
    spec
      .given([requested(), revoked])
      .when(revoke())
      .thenThrows({ code: 'invitation-already-revoked', kind: 'conflict' });
  });

  it('refuses to revoke an accepted invitation', () => {
    spec
      .given([requested(), accepted()])
      .when(revoke())
      .thenThrows({ code: 'invitation-already-accepted', kind: 'conflict' });
  });
});

describe('the status of an invitation at an instant', () => {
  const fold = (events: InvitationEvent[]) =>
    events.reduce(invitationDecider.evolve, invitationDecider.initialState());

  it('is pending until expiry, then expired; revoked and accepted stay so', () => {
    expect(invitationStatusAt(fold([requested()]), REQUESTED_AT)).toBe('pending');
    expect(invitationStatusAt(fold([requested()]), EXPIRES_AT)).toBe('expired');
    expect(invitationStatusAt(fold([requested(), revoked]), REQUESTED_AT)).toBe('revoked');
    expect(invitationStatusAt(fold([requested(), accepted()]), EXPIRES_AT)).toBe('accepted');
  });
});
