import { APPROVAL_REQUEST_VALIDITY } from '../duration/gdap-durations.js';
import { addDuration, canonicalInstant } from '../duration/iso-duration.js';
import {
  GdapApprovalRequestExpired,
  GdapApprovalTokenInvalid,
  GdapApprovalTokenUsed,
  GdapCustomerIdRequired,
  GdapCustomerMismatch,
  GdapRelationshipEnded,
  InvalidGdapTokenHash,
} from './gdap-approval.errors.js';
import type {
  ApproveGdapRelationship,
  LockGdapRelationshipForApproval,
  TerminateGdapRelationship,
  TerminateGdapRelationshipAsCustomer,
} from './gdap-relationship.commands.js';
import { GdapActionNotAllowed } from './gdap-relationship.errors.js';
import type { GdapRelationshipEvent, GdapTerminatedBy } from './gdap-relationship.events.js';
import type { ExistingGdapRelationship, GdapRelationshipState } from './gdap-relationship.state.js';
import { ownRelationship } from './own-relationship.js';

/** The partner locks a `created` relationship; the request expires 90 days later. */
export function lockForApproval(
  { data }: LockGdapRelationshipForApproval,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const existing = ownRelationship(state, data);
  if (existing.status !== 'created')
    throw new GdapActionNotAllowed('lockForApproval', existing.status);
  if (!/^[0-9a-f]{64}$/.test(data.tokenHash)) throw new InvalidGdapTokenHash();
  const { relationshipId, partnerId, customerId } = existing.relationship;
  const requestedAt = canonicalInstant(data.at);
  const expiresAt = addDuration(requestedAt, APPROVAL_REQUEST_VALIDITY);
  return [
    {
      type: 'GdapRelationshipApprovalRequested',
      data: {
        relationshipId,
        partnerId,
        customerId,
        tokenHash: data.tokenHash,
        requestedAt,
        expiresAt,
      },
    },
  ];
}

/**
 * The customer approves with the token. A wrong token answers not-found before anything about
 * the relationship is revealed; a used or expired token is gone. A relationship that names a
 * customer is approved by that customer; one that names none takes the approving customer.
 */
export function approve(
  { data }: ApproveGdapRelationship,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const existing = tokenHolder(state, data);
  if (existing.status !== 'approvalPending') throw goneForApproval(existing);
  const { relationshipId, partnerId, duration } = existing.relationship;
  const named = existing.relationship.customerId;
  if (named !== undefined && data.customerId !== undefined && data.customerId !== named)
    throw new GdapCustomerMismatch(relationshipId);
  const customerId = named ?? data.customerId;
  if (customerId === undefined) throw new GdapCustomerIdRequired();
  const activatedDateTime = canonicalInstant(data.at);
  return [
    {
      type: 'GdapRelationshipApproved',
      data: {
        relationshipId,
        partnerId,
        customerId,
        customerBoundAtApproval: named === undefined,
        activatedDateTime,
        endDateTime: addDuration(activatedDateTime, duration),
      },
    },
  ];
}

/** The partner ends a relationship that has not ended: withdrawn before approval, or cut short. */
export function terminateByPartner(
  { data }: TerminateGdapRelationship,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const existing = ownRelationship(state, data);
  return [terminated(existing, 'partner', data.at)];
}

/**
 * The holder of the approval token ends the relationship: declining a pending request, or
 * ending the active relationship it approved. The token is the customer's proof here, as it
 * was for the approval; once the relationship has ended, it is gone.
 */
export function terminateByCustomer(
  { data }: TerminateGdapRelationshipAsCustomer,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const existing = tokenHolder(state, data);
  if (existing.status === 'expired' || existing.status === 'terminated')
    throw goneForTermination(existing);
  return [terminated(existing, 'customer', data.at)];
}

function terminated(
  existing: ExistingGdapRelationship,
  by: GdapTerminatedBy,
  at: string,
): GdapRelationshipEvent {
  if (existing.status === 'expired' || existing.status === 'terminated')
    throw new GdapActionNotAllowed('terminate', existing.status);
  const { relationshipId, partnerId, customerId } = existing.relationship;
  const endDateTime = existing.status === 'active' ? existing.activation.endDateTime : undefined;
  return {
    type: 'GdapRelationshipTerminated',
    data: {
      relationshipId,
      partnerId,
      customerId,
      previousStatus: existing.status,
      terminatedBy: by,
      terminatedAt: canonicalInstant(at),
      ...(endDateTime !== undefined && { endDateTime }),
    },
  };
}

/** The relationship whose approval token hashes to `tokenHash`; any other answers not-found. */
function tokenHolder(
  state: GdapRelationshipState,
  { relationshipId, tokenHash }: { relationshipId: string; tokenHash: string },
): Exclude<ExistingGdapRelationship, { status: 'created' }> {
  if (
    state.status === 'none' ||
    state.status === 'created' ||
    state.approval?.tokenHash !== tokenHash
  )
    throw new GdapApprovalTokenInvalid(relationshipId);
  return state;
}

type PastApproval = Exclude<ExistingGdapRelationship, { status: 'created' | 'approvalPending' }>;
type Ended = Extract<ExistingGdapRelationship, { status: 'expired' | 'terminated' }>;

/** Why a token approves no more: the request expired unapproved, it was used, or was withdrawn. */
function goneForApproval(existing: PastApproval) {
  const { relationshipId } = existing.relationship;
  if (existing.status === 'expired' && existing.reason === 'approvalRequestExpired')
    return new GdapApprovalRequestExpired(relationshipId, existing.approval.expiresAt);
  if (existing.activation !== undefined) return new GdapApprovalTokenUsed(relationshipId);
  return new GdapRelationshipEnded(relationshipId, 'terminated');
}

/** Why the token's holder can end nothing: the request expired unapproved, or it all ended. */
function goneForTermination(existing: Ended) {
  const { relationshipId } = existing.relationship;
  if (existing.status === 'expired' && existing.reason === 'approvalRequestExpired')
    return new GdapApprovalRequestExpired(relationshipId, existing.approval.expiresAt);
  return new GdapRelationshipEnded(relationshipId, existing.status);
}
