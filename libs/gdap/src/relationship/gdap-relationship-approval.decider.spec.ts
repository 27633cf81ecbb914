import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  activeHistory,
  APPROVED_AT,
  approvalRequested,
  approve,
  approved,
  CREATED_AT,
  created,
  CUSTOMER_ID,
  END_AT,
  EXPIRES_AT,
  LOCKED_AT,
  lock,
  PARTNER_ID,
  RELATIONSHIP_ID,
  TOKEN_HASH,
} from '../testing/gdap.fixtures.js';
import type {
  TerminateGdapRelationship,
  TerminateGdapRelationshipAsCustomer,
} from './gdap-relationship.commands.js';
import { gdapRelationshipDecider } from './gdap-relationship.decider.js';
import type { GdapRelationshipEvent } from './gdap-relationship.events.js';

const spec = deciderSpecification(gdapRelationshipDecider);
const OTHER_HASH = 'c'.repeat(64);

const terminate = (
  at = '2026-04-01T00:00:00.000Z',
  partnerId = PARTNER_ID,
): TerminateGdapRelationship => ({
  type: 'TerminateGdapRelationship',
  data: { relationshipId: RELATIONSHIP_ID, partnerId, at },
});
const terminateAsCustomer = (
  at = '2026-04-01T00:00:00.000Z',
  tokenHash = TOKEN_HASH,
): TerminateGdapRelationshipAsCustomer => ({
  type: 'TerminateGdapRelationshipAsCustomer',
  data: { relationshipId: RELATIONSHIP_ID, tokenHash, at },
});
const terminated = (
  data: Partial<Extract<GdapRelationshipEvent, { type: 'GdapRelationshipTerminated' }>['data']>,
): GdapRelationshipEvent => ({
  type: 'GdapRelationshipTerminated',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    previousStatus: 'active',
    terminatedBy: 'partner',
    terminatedAt: '2026-04-01T00:00:00.000Z',
    ...data,
  },
});
const expiredUnapproved: GdapRelationshipEvent = {
  type: 'GdapRelationshipExpired',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    previousStatus: 'approvalPending',
    reason: 'approvalRequestExpired',
    expiredAt: EXPIRES_AT,
  },
};

describe('locking a relationship for approval', () => {
  it('records the token hash only, and an expiry 90 days later', () => {
    spec.given([created()]).when(lock()).then([approvalRequested()]);
  });

  it('refuses anything but a SHA-256 hex digest as the token hash (never the token itself)', () => {
    spec
      .given([created()])
      .when(lock({ tokenHash: 'the-secret-token' }))
      .thenThrows({ code: 'invalid-token-hash', kind: 'validation' });
  });

  it('refuses to lock a relationship that is not created', () => {
    spec
      .given([created(), approvalRequested()])
      .when(lock({ at: '2026-03-03T00:00:00.000Z' }))
      .thenThrows({
        code: 'gdap-relationship-not-created',
        kind: 'conflict',
        status: 'approvalPending',
      });
  });

  it('answers not-found to another partner', () => {
    spec
      .given([created()])
      .when(lock({ partnerId: 'p-2' }))
      .thenThrows({ code: 'gdap-relationship-not-found' });
  });
});

describe('approving a relationship', () => {
  it('activates it: activated now, ending after its duration', () => {
    spec.given([created(), approvalRequested()]).when(approve()).then([approved()]);
  });

  it('accepts the customer naming itself when the relationship names it', () => {
    spec
      .given([created(), approvalRequested()])
      .when(approve({ customerId: CUSTOMER_ID }))
      .then([approved()]);
  });

  it('binds the approving customer to a relationship that named none', () => {
    spec
      .given([created({ customerId: undefined }), approvalRequested({ customerId: undefined })])
      .when(approve({ customerId: 'c-9' }))
      .then([approved({ customerId: 'c-9', customerBoundAtApproval: true })]);
  });

  it('needs the customer to name itself when the relationship named none', () => {
    spec
      .given([created({ customerId: undefined }), approvalRequested({ customerId: undefined })])
      .when(approve())
      .thenThrows({ code: 'gdap-customer-id-required', kind: 'validation', field: 'customerId' });
  });

  it('refuses another customer than the one the relationship names', () => {
    spec
      .given([created(), approvalRequested()])
      .when(approve({ customerId: 'c-2' }))
      .thenThrows({ code: 'gdap-customer-mismatch', kind: 'rule' });
  });

  it('answers not-found to a wrong token, before revealing anything', () => {
    for (const history of [[], [created()], [created(), approvalRequested()], activeHistory()])
      spec
        .given(history)
        .when(approve({ tokenHash: OTHER_HASH }))
        .thenThrows({ code: 'gdap-approval-token-invalid', kind: 'not-found' });
  });

  it('answers gone to a token already used', () => {
    spec
      .given(activeHistory())
      .when(approve({ at: '2026-03-11T00:00:00.000Z' }))
      .thenThrows({ code: 'gdap-approval-token-used', kind: 'gone' });
  });

  it('answers gone at the instant the request expires, though its expiry is not yet recorded', () => {
    spec
      .given([created(), approvalRequested()])
      .when(approve({ at: EXPIRES_AT }))
      .thenThrows({ code: 'gdap-approval-request-expired', kind: 'gone', expiresAt: EXPIRES_AT });
  });

  it('approves a millisecond before the request expires', () => {
    const at = '2026-05-31T08:59:59.999Z';
    spec
      .given([created(), approvalRequested()])
      .when(approve({ at }))
      .then([approved({ activatedDateTime: at, endDateTime: '2028-05-30T08:59:59.999Z' })]);
  });

  it('answers gone once the expiry is recorded, and for a withdrawn request', () => {
    spec
      .given([created(), approvalRequested(), expiredUnapproved])
      .when(approve({ at: '2026-03-03T00:00:00.000Z' }))
      .thenThrows({ code: 'gdap-approval-request-expired', kind: 'gone' });
    spec
      .given([
        created(),
        approvalRequested(),
        terminated({ previousStatus: 'approvalPending', terminatedAt: LOCKED_AT }),
      ])
      .when(approve())
      .thenThrows({ code: 'gdap-relationship-ended', kind: 'gone', status: 'terminated' });
  });

  it('approves with the duration of the relationship as it is when approved', () => {
    spec
      .given([created({ duration: 'P1D' }), approvalRequested()])
      .when(approve())
      .then([
        approved({ endDateTime: '2026-03-11T12:00:00.000Z', activatedDateTime: APPROVED_AT }),
      ]);
  });
});

describe('terminating a relationship', () => {
  it('lets the partner end an active relationship, recording the end it had', () => {
    spec
      .given(activeHistory())
      .when(terminate())
      .then([terminated({ endDateTime: END_AT })]);
  });

  it('lets the partner withdraw a relationship before it is approved, or before it is sent', () => {
    spec
      .given([created(), approvalRequested()])
      .when(terminate())
      .then([terminated({ previousStatus: 'approvalPending' })]);
    spec
      .given([created()])
      .when(terminate(CREATED_AT))
      .then([terminated({ previousStatus: 'created', terminatedAt: CREATED_AT })]);
  });

  it('refuses to terminate a relationship that has ended', () => {
    spec
      .given([...activeHistory(), terminated({ endDateTime: END_AT })])
      .when(terminate('2026-05-01T00:00:00.000Z'))
      .thenThrows({
        code: 'gdap-relationship-already-ended',
        kind: 'conflict',
        status: 'terminated',
      });
    spec
      .given([created(), approvalRequested(), expiredUnapproved])
      .when(terminate('2026-06-01T00:00:00.000Z'))
      .thenThrows({ code: 'gdap-relationship-already-ended', status: 'expired' });
  });

  it('answers not-found to another partner', () => {
    spec
      .given(activeHistory())
      .when(terminate(undefined, 'p-2'))
      .thenThrows({ code: 'gdap-relationship-not-found', kind: 'not-found' });
  });

  it('lets the approval token’s holder decline a pending request', () => {
    spec
      .given([created(), approvalRequested()])
      .when(terminateAsCustomer())
      .then([terminated({ previousStatus: 'approvalPending', terminatedBy: 'customer' })]);
  });

  it('lets the approval token’s holder end the relationship it approved', () => {
    spec
      .given(activeHistory())
      .when(terminateAsCustomer())
      .then([terminated({ terminatedBy: 'customer', endDateTime: END_AT })]);
  });

  it('answers the customer not-found to a wrong token, and gone once it all ended', () => {
    spec
      .given(activeHistory())
      .when(terminateAsCustomer(undefined, OTHER_HASH))
      .thenThrows({ code: 'gdap-approval-token-invalid', kind: 'not-found' });
    spec
      .given([created()])
      .when(terminateAsCustomer())
      .thenThrows({ code: 'gdap-approval-token-invalid' });
    spec
      .given([...activeHistory(), terminated({ endDateTime: END_AT })])
      .when(terminateAsCustomer('2026-05-01T00:00:00.000Z'))
      .thenThrows({ code: 'gdap-relationship-ended', kind: 'gone', status: 'terminated' });
    spec
      .given([created(), approvalRequested()])
      .when(terminateAsCustomer(EXPIRES_AT))
      .thenThrows({ code: 'gdap-approval-request-expired', kind: 'gone' });
    spec
      .given(activeHistory())
      .when(terminateAsCustomer(END_AT))
      .thenThrows({ code: 'gdap-relationship-ended', status: 'expired' });
  });

  it('refuses to terminate at the instant it expires: the refusal records nothing, not even the expiry', () => {
    expect(() =>
      gdapRelationshipDecider.decide(
        terminate(END_AT),
        activeHistory().reduce(
          gdapRelationshipDecider.evolve,
          gdapRelationshipDecider.initialState(),
        ),
      ),
    ).toThrow(expect.objectContaining({ code: 'gdap-relationship-already-ended' }));
  });
});
