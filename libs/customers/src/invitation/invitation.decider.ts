import type { Decider } from '@customer-workspace/kernel';
import { CustomerNotFound } from '../customer/customer.errors.js';
import { ProgramsRequired } from '../partner/partner.errors.js';
import { assertNever } from '@customer-workspace/kernel';
import type { PartnerProgram, Relationship } from '../common/domain.constants.js';
import { acceptInvitation } from './invitation-acceptance.decide.js';
import type {
  InvitationCommand,
  RequestResellerRelationship,
  RevokeInvitation,
} from './invitation.commands.js';
import {
  InvalidExpiry,
  InvalidTokenHash,
  InvitationAlreadyExists,
  InvitationNotFound,
  InvitationNotPending,
  NotAnIndirectReseller,
  NotOwnIndirectProvider,
} from './invitation.errors.js';
import type { InvitationEvent } from './invitation.events.js';
import {
  evolveInvitation,
  initialInvitationState,
  type InvitationState,
} from './invitation.state.js';

/** One reseller relationship request (`invitation-<id>`): requested, revoked or accepted. */
export const invitationDecider: Decider<InvitationCommand, InvitationEvent, InvitationState> = {
  initialState: initialInvitationState,
  evolve: evolveInvitation,
  decide: decideInvitation,
};

function decideInvitation(command: InvitationCommand, state: InvitationState): InvitationEvent[] {
  switch (command.type) {
    case 'RequestResellerRelationship':
      return request(command, state);
    case 'RevokeInvitation':
      return revoke(command, state);
    case 'AcceptInvitation':
      return acceptInvitation(command, state);
    default:
      return assertNever(command);
  }
}

function request({ data }: RequestResellerRelationship, state: InvitationState): InvitationEvent[] {
  if (state.status !== 'none') throw new InvitationAlreadyExists(data.invitationId);
  if (!/^[0-9a-f]{64}$/.test(data.tokenHash)) throw new InvalidTokenHash();
  if (!(Date.parse(data.expiresAt) > Date.parse(data.requestedAt))) throw new InvalidExpiry();
  const relationship = invitedRelationship(data);
  if (data.customerId !== undefined && data.customerVisibleToPartner !== true) {
    throw new CustomerNotFound(data.customerId);
  }
  const { invitationId, partnerId, indirectProviderId, customerId } = data;
  const { includeDelegatedAdmin, language, tokenHash, requestedAt, expiresAt } = data;
  return [
    {
      type: 'ResellerRelationshipRequested',
      data: {
        invitationId,
        partnerId,
        relationship,
        indirectProviderId,
        customerId,
        includeDelegatedAdmin,
        language,
        tokenHash,
        requestedAt,
        expiresAt,
      },
    },
  ];
}

/** The relationship the inviting partner gets; checks an invitation together with a provider. */
function invitedRelationship(data: RequestResellerRelationship['data']): Relationship {
  const { indirectProviderId, partnerPrograms } = data;
  if (indirectProviderId === undefined) return relationshipInvitedAlone(partnerPrograms);
  if (!partnerPrograms.includes('indirect-reseller')) throw new NotAnIndirectReseller();
  if (indirectProviderId !== data.partnerIndirectProviderId) {
    throw new NotOwnIndirectProvider(indirectProviderId);
  }
  return 'indirect-reseller';
}

/**
 * A partner inviting alone: a direct-bill partner (dual partners included) becomes the
 * direct reseller, an indirect reseller the indirect reseller, an indirect provider the
 * indirect provider.
 */
export function relationshipInvitedAlone(programs: readonly PartnerProgram[]): Relationship {
  if (programs.includes('direct-bill')) return 'direct-reseller';
  if (programs.includes('indirect-reseller')) return 'indirect-reseller';
  if (programs.includes('indirect-provider')) return 'indirect-provider';
  throw new ProgramsRequired();
}

function revoke({ data }: RevokeInvitation, state: InvitationState): InvitationEvent[] {
  if (state.status === 'none' || state.invitation.partnerId !== data.partnerId) {
    throw new InvitationNotFound(data.invitationId);
  }
  if (state.status !== 'pending') throw new InvitationNotPending(data.invitationId, state.status);
  const { invitationId, partnerId, customerId } = state.invitation;
  return [
    { type: 'ResellerRelationshipRequestRevoked', data: { invitationId, partnerId, customerId } },
  ];
}
