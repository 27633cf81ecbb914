import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  accept,
  accepted,
  EXPIRES_AT,
  requested,
  revoked,
} from '../testing/invitations.fixtures.js';
import { invitationDecider } from './invitation.decider.js';

const spec = deciderSpecification(invitationDecider);

describe('accepting an invitation', () => {
  it('accepts with the right token before expiry, with everything the customer stream needs', () => {
    spec.given([requested()]).when(accept()).then([accepted()]);
  });

  it('carries the provider and DAP of a joint invitation into the acceptance', () => {
    spec
      .given([
        requested({
          relationship: 'indirect-reseller',
          indirectProviderId: 'p-prov',
          includeDelegatedAdmin: true,
        }),
      ])
      .when(accept())
      .then([
        accepted({
          relationship: 'indirect-reseller',
          indirectProviderId: 'p-prov',
          includeDelegatedAdmin: true,
        }),
      ]);
  });

  it('answers not-found to a wrong token, whatever the state of the invitation', () => {
    const wrong = accept({ tokenHash: 'b'.repeat(64) });
    spec
      .given([requested()])
      .when(wrong)
      .thenThrows({ code: 'invitation-token-invalid', kind: 'not-found' });
    spec.given([requested(), revoked]).when(wrong).thenThrows({ code: 'invitation-token-invalid' });
  });

  it('answers not-found for an unknown invitation', () => {
    spec.given([]).when(accept()).thenThrows({ code: 'invitation-not-found', kind: 'not-found' });
  });

  it('answers gone once the invitation expired, the expiry instant included', () => {
    spec
      .given([requested()])
      .when(accept({ acceptedAt: EXPIRES_AT }))
      .thenThrows({ code: 'invitation-expired', kind: 'gone' });
  });

  it('accepts a moment before expiry', () => {
    spec
      .given([requested()])
      .when(accept({ acceptedAt: '2026-12-05T09:59:59.999Z' }))
      .then([accepted({ acceptedAt: '2026-12-05T09:59:59.999Z' })]);
  });

  it('answers gone for a revoked invitation', () => {
    spec
      .given([requested(), revoked])
      .when(accept())
      .thenThrows({ code: 'invitation-revoked', kind: 'gone' });
  });

  it('answers gone for a used token (single use)', () => {
    spec
      .given([requested(), accepted()])
      .when(accept())
      .thenThrows({ code: 'invitation-already-used', kind: 'gone' });
  });

  it('accepts a targeted invitation only for its customer', () => {
    spec
      .given([requested({ customerId: 'c-9' })])
      .when(accept())
      .thenThrows({ code: 'invitation-customer-mismatch', kind: 'rule' });
  });

  it('accepts a targeted invitation for its customer', () => {
    spec
      .given([requested({ customerId: 'c-1' })])
      .when(accept())
      .then([accepted()]);
  });
});
