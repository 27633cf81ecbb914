import { assertNever, type Decider } from '@customer-workspace/kernel';
import {
  createAccessAssignment,
  deleteAccessAssignment,
} from './gdap-access-assignments.decide.js';
import {
  approve,
  lockForApproval,
  terminateByCustomer,
  terminateByPartner,
} from './gdap-relationship-approval.decide.js';
import { createRelationship, updateRelationship } from './gdap-relationship-settings.decide.js';
import type { GdapRelationshipCommand } from './gdap-relationship.commands.js';
import type { GdapRelationshipEvent } from './gdap-relationship.events.js';
import {
  evolveGdapRelationship,
  type GdapRelationshipState,
  initialGdapRelationshipState,
} from './gdap-relationship.state.js';
import { dueGdapTransitions } from './gdap-transitions.js';

/**
 * One GDAP relationship (`gdapRelationship-<id>`), after Graph's `delegatedAdminRelationship`:
 * created → approvalPending → active → expired or terminated, with its access assignments.
 */
export const gdapRelationshipDecider: Decider<
  GdapRelationshipCommand,
  GdapRelationshipEvent,
  GdapRelationshipState
> = {
  initialState: initialGdapRelationshipState,
  evolve: evolveGdapRelationship,
  decide: decideGdapRelationship,
};

/**
 * Every command is decided on what the relationship is at the command's instant: the expiries
 * and auto-extensions due by then come first among its events (the history stays in the order
 * things happened), then the command's own. A refused command records nothing, those included.
 */
function decideGdapRelationship(
  command: GdapRelationshipCommand,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const due = dueGdapTransitions(state, command.data.at).map(({ event }) => event);
  const current = due.reduce(evolveGdapRelationship, state);
  return [...due, ...decideAt(command, current)];
}

function decideAt(
  command: GdapRelationshipCommand,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  switch (command.type) {
    case 'CreateGdapRelationship':
      return createRelationship(command, state);
    case 'UpdateGdapRelationship':
      return updateRelationship(command, state);
    case 'LockGdapRelationshipForApproval':
      return lockForApproval(command, state);
    case 'ApproveGdapRelationship':
      return approve(command, state);
    case 'TerminateGdapRelationship':
      return terminateByPartner(command, state);
    case 'TerminateGdapRelationshipAsCustomer':
      return terminateByCustomer(command, state);
    case 'CreateGdapAccessAssignment':
      return createAccessAssignment(command, state);
    case 'DeleteGdapAccessAssignment':
      return deleteAccessAssignment(command, state);
    case 'RecordDueGdapTransitions':
      return [];
    default:
      return assertNever(command);
  }
}
