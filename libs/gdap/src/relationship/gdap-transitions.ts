import { AUTO_EXTENSION } from '../duration/gdap-durations.js';
import { addDuration, canonicalInstant, instantMs } from '../duration/iso-duration.js';
import { uuidV5 } from '../ids/name-based-uuid.js';
import { includesGlobalAdministrator } from '../roles/entra-roles.js';
import type { GdapTransitionEvent } from './gdap-relationship.events.js';
import {
  type ActiveGdapRelationship,
  evolveGdapRelationship,
  type GdapRelationshipState,
  type GdapRelationshipStatus,
} from './gdap-relationship.state.js';

/** The transitions time makes, as their event ids name them. */
export type GdapTransition = 'approvalRequestExpired' | 'expired' | 'autoExtended';

/** One transition due: its event, the instant it was due at and its deterministic event id. */
export interface PlannedGdapTransition {
  readonly transition: GdapTransition;
  readonly dueAt: string;
  readonly eventId: string;
  readonly event: GdapTransitionEvent;
}

/** The namespace of the name-based ids of transition events (a constant: never change it). */
export const GDAP_TRANSITION_NAMESPACE = '80ae0126-a250-4deb-a846-e6152a3a231e';

/**
 * The event id of a transition: a UUID v5 of the relationship, the transition and the instant
 * it is due at. Every process that plans it writes the same id, so the store keeps it once.
 */
export function gdapTransitionEventId(
  relationshipId: string,
  transition: GdapTransition,
  dueAt: string,
): string {
  const name = `gdapRelationship-${relationshipId}/${transition}/${canonicalInstant(dueAt)}`;
  return uuidV5(name, GDAP_TRANSITION_NAMESPACE);
}

/**
 * When the next transition is due, whatever the clock says: an approval request's expiry, an
 * active relationship's end date-time (where it expires or auto-extends). Undefined when none
 * ever will be (created, expired, terminated): a process may sleep until this instant.
 */
export function nextGdapTransitionAt(state: GdapRelationshipState): string | undefined {
  return transitionAt(state)?.dueAt;
}

/**
 * Every transition due by `now`, in the order they fell due, each applied before the next is
 * planned: after a long outage, an auto-extending relationship gets one extension per 180 days
 * it missed, each at its own instant, and `nextGdapTransitionAt` of the result is after `now`.
 */
export function dueGdapTransitions(
  state: GdapRelationshipState,
  now: string,
): PlannedGdapTransition[] {
  const planned: PlannedGdapTransition[] = [];
  const until = instantMs(now);
  let current = state;
  for (
    let next = transitionAt(current);
    next !== undefined && instantMs(next.dueAt) <= until;
    next = transitionAt(current)
  ) {
    planned.push(next);
    current = evolveGdapRelationship(current, next.event);
  }
  return planned;
}

/** What a relationship is at `instant`, counting the transitions due by then. */
export function gdapStatusAt(
  state: GdapRelationshipState,
  instant: string,
): GdapRelationshipStatus | 'none' {
  const due = dueGdapTransitions(state, instant);
  const last = due.at(-1)?.event;
  if (last?.type === 'GdapRelationshipExpired') return 'expired';
  return state.status;
}

/** The transition due at the state's next instant (see `nextGdapTransitionAt`), if any. */
function transitionAt(state: GdapRelationshipState): PlannedGdapTransition | undefined {
  if (state.status === 'approvalPending') {
    const { relationshipId, partnerId, customerId } = state.relationship;
    const dueAt = state.approval.expiresAt;
    return plan('approvalRequestExpired', dueAt, {
      type: 'GdapRelationshipExpired',
      data: {
        relationshipId,
        partnerId,
        customerId,
        previousStatus: 'approvalPending',
        reason: 'approvalRequestExpired',
        expiredAt: dueAt,
      },
    });
  }
  if (state.status === 'active') return endOf(state);
  return undefined;
}

/** At its end, an active relationship auto-extends if it may, or expires. */
function endOf(state: ActiveGdapRelationship): PlannedGdapTransition {
  const { relationshipId, partnerId, customerId, autoExtendDuration, roles } = state.relationship;
  const end = state.activation.endDateTime;
  if (autoExtendDuration === AUTO_EXTENSION && !includesGlobalAdministrator(roles)) {
    return plan('autoExtended', end, {
      type: 'GdapRelationshipAutoExtended',
      data: {
        relationshipId,
        partnerId,
        customerId,
        previousEndDateTime: end,
        endDateTime: addDuration(end, AUTO_EXTENSION),
      },
    });
  }
  return plan('expired', end, {
    type: 'GdapRelationshipExpired',
    data: {
      relationshipId,
      partnerId,
      customerId,
      previousStatus: 'active',
      reason: 'endDateTimeReached',
      expiredAt: end,
    },
  });
}

function plan(
  transition: GdapTransition,
  dueAt: string,
  event: GdapTransitionEvent,
): PlannedGdapTransition {
  const eventId = gdapTransitionEventId(event.data.relationshipId, transition, dueAt);
  return { transition, dueAt, eventId, event };
}
