import {
  dueGdapTransitions,
  type GdapRelationshipCommand,
  gdapRelationshipDecider,
  type GdapRelationshipState,
  gdapRelationshipStream,
  nextGdapTransitionAt,
  type PlannedGdapTransition,
  type RecordDueGdapTransitions,
} from '@customer-workspace/gdap';
import {
  type Actor,
  type CommandContext,
  type CommandRunner,
  WrongExpectedVersion,
} from '@customer-workspace/event-store';

/** Who records expiries and auto-extensions: the process, not a user. */
export const GDAP_TRANSITIONS_ACTOR: Actor = {
  userId: 'gdap-transitions',
  upn: 'process:gdap-transitions',
  role: 'system',
};

/** Conflicts one transition may meet before the recorder gives up for now (and retries later). */
const MAX_CONFLICTS = 5;

/** The stream moved on since the transition was planned: plan again, never append blindly. */
class GdapPlanChanged extends Error {
  constructor(readonly eventId: string) {
    super(`The transition ${eventId} is no longer the one due: planning again`);
  }
}

/**
 * Records the transitions due on one relationship by `now`, one append each, each at the
 * instant it was due, with the planner's deterministic event id and the stream's expected
 * revision: whoever records it (another process, another api instance), the store keeps it
 * once. A conflict, or a plan the fresh stream no longer gives, plans again from the stream.
 * Returns the relationship's next transition instant afterwards.
 */
export async function recordDueTransitions(
  runner: CommandRunner,
  relationshipId: string,
  now: string,
): Promise<string | undefined> {
  const streamId = gdapRelationshipStream(relationshipId);
  for (let conflicts = 0; ;) {
    const { state } = await runner.load(gdapRelationshipDecider, streamId);
    const [next] = dueGdapTransitions(state, now);
    if (next === undefined) return nextGdapTransitionAt(state);
    try {
      await runner.run({
        decider: { ...gdapRelationshipDecider, decide: onlyPlanned(next) },
        streamId,
        command: recordAt(relationshipId, next),
        context: transitionContext(state, next),
        eventId: () => next.eventId,
        retriesOnConflict: 0,
      });
    } catch (error) {
      const replan = error instanceof WrongExpectedVersion || error instanceof GdapPlanChanged;
      if (!replan || ++conflicts >= MAX_CONFLICTS) throw error;
    }
  }
}

const recordAt = (
  relationshipId: string,
  next: PlannedGdapTransition,
): RecordDueGdapTransitions => ({
  type: 'RecordDueGdapTransitions',
  data: { relationshipId, at: next.dueAt },
});

/** The decider's answer, provided it is exactly the transition planned (ids by index must not slide). */
function onlyPlanned(next: PlannedGdapTransition) {
  return (command: GdapRelationshipCommand, state: GdapRelationshipState) => {
    const due = dueGdapTransitions(state, next.dueAt);
    if (due.length !== 1 || due[0]?.eventId !== next.eventId)
      throw new GdapPlanChanged(next.eventId);
    return gdapRelationshipDecider.decide(command, state);
  };
}

/** The same metadata whoever records it: the transition's id as correlation, its instant as time. */
function transitionContext(
  state: GdapRelationshipState,
  next: PlannedGdapTransition,
): CommandContext {
  const { partnerId, customerId } = next.event.data;
  if (state.status === 'none') throw new Error('A transition was planned on no relationship');
  return {
    correlationId: next.eventId,
    causationId: next.eventId,
    actor: GDAP_TRANSITIONS_ACTOR,
    partnerId,
    ...(customerId !== undefined && { customerId }),
    occurredAt: next.dueAt,
  };
}
