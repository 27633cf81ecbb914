import type { AcceptInvitation } from './invitation.commands.js';
import {
  InvitationAlreadyUsed,
  InvitationCustomerMismatch,
  InvitationExpired,
  InvitationNotFound,
  InvitationRevoked,
  InvitationTokenInvalid,
} from './invitation.errors.js';
import type { InvitationEvent, ResellerRelationshipAccepted } from './invitation.events.js';
import { isExpiredAt, type Invitation, type InvitationState } from './invitation.state.js';

/**
 * The customer accepts with the token. A wrong token answers not-found before anything about
 * the invitation's state is revealed; a revoked, used or expired invitation is gone; a
 * targeted invitation is accepted only by its customer.
 */
export function acceptInvitation(
  { data }: AcceptInvitation,
  state: InvitationState,
): InvitationEvent[] {
  if (state.status === 'none') throw new InvitationNotFound(data.invitationId);
  const invitation = state.invitation;
  if (invitation.tokenHash !== data.tokenHash) throw new InvitationTokenInvalid(data.invitationId);
  if (state.status === 'revoked') throw new InvitationRevoked(data.invitationId);
  if (state.status === 'accepted') throw new InvitationAlreadyUsed(data.invitationId);
  if (isExpiredAt(invitation, data.acceptedAt)) {
    throw new InvitationExpired(data.invitationId, invitation.expiresAt);
  }
  const customer = data.customer;
  if (invitation.customerId !== undefined && invitation.customerId !== customer.id) {
    throw new InvitationCustomerMismatch(data.invitationId);
  }
  return [{ type: 'ResellerRelationshipAccepted', data: accepted(invitation, data) }];
}

function accepted(
  invitation: Invitation,
  data: AcceptInvitation['data'],
): ResellerRelationshipAccepted['data'] {
  const { invitationId, partnerId, relationship, indirectProviderId } = invitation;
  const { id: customerId, companyName, domain } = data.customer;
  return {
    invitationId,
    partnerId,
    relationship,
    indirectProviderId,
    includeDelegatedAdmin: invitation.includeDelegatedAdmin,
    customerId,
    companyProfile: { companyName, domain },
    acceptedAt: data.acceptedAt,
  };
}
