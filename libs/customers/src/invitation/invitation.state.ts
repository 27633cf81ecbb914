import { assertNever } from '@customer-workspace/kernel';
import type { InvitationEvent, ResellerRelationshipRequested } from './invitation.events.js';

/** An invitation as requested. */
export type Invitation = ResellerRelationshipRequested['data'];

/**
 * State of an `invitation-<id>` stream. Expiry is not a state: it depends on the instant
 * a command is made at (see `isExpiredAt`).
 */
export type InvitationState =
  | { readonly status: 'none' }
  | { readonly status: 'pending'; readonly invitation: Invitation }
  | { readonly status: 'revoked'; readonly invitation: Invitation }
  | { readonly status: 'accepted'; readonly invitation: Invitation; readonly customerId: string };

/** The state of a stream with no events. */
export const initialInvitationState = (): InvitationState => ({ status: 'none' });

/** Folds one invitation event into the state. */
export function evolveInvitation(state: InvitationState, event: InvitationEvent): InvitationState {
  switch (event.type) {
    case 'ResellerRelationshipRequested':
      return { status: 'pending', invitation: event.data };
    case 'ResellerRelationshipRequestRevoked':
      return state.status === 'none' ? state : { status: 'revoked', invitation: state.invitation };
    case 'ResellerRelationshipAccepted':
      return state.status === 'none'
        ? state
        : { status: 'accepted', invitation: state.invitation, customerId: event.data.customerId };
    default:
      return assertNever(event);
  }
}

/** Whether the invitation can no longer be accepted at `instant` (ISO-8601): at or after expiry. */
export function isExpiredAt(invitation: Invitation, instant: string): boolean {
  return Date.parse(instant) >= Date.parse(invitation.expiresAt);
}

/** What the caller's list shows: the state, with a pending invitation past expiry as expired. */
export function invitationStatusAt(
  state: InvitationState,
  instant: string,
): 'none' | 'pending' | 'expired' | 'revoked' | 'accepted' {
  if (state.status === 'pending' && isExpiredAt(state.invitation, instant)) return 'expired';
  return state.status;
}
