import { canonicalInstant } from '../duration/iso-duration.js';
import { GdapRolesRequired } from '../roles/roles.errors.js';
import {
  AccessRolesNotInRelationship,
  GdapAccessAssignmentAlreadyExists,
  GdapAccessAssignmentNotFound,
  InvalidSecurityGroupId,
  SecurityGroupAlreadyAssigned,
} from './gdap-access-assignment.errors.js';
import type {
  CreateGdapAccessAssignment,
  DeleteGdapAccessAssignment,
} from './gdap-relationship.commands.js';
import { type GdapAction, GdapActionNotAllowed } from './gdap-relationship.errors.js';
import type { GdapRelationshipEvent } from './gdap-relationship.events.js';
import type { ActiveGdapRelationship, GdapRelationshipState } from './gdap-relationship.state.js';
import { ownRelationship } from './own-relationship.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The partner grants a security group some of an active relationship's roles: a subset of
 * them (any other is named), one assignment per security group.
 */
export function createAccessAssignment(
  { data }: CreateGdapAccessAssignment,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const active = activeRelationship(state, data, 'createAccessAssignment');
  const { accessAssignmentId } = data;
  if (active.accessAssignments.has(accessAssignmentId))
    throw new GdapAccessAssignmentAlreadyExists(accessAssignmentId);
  const securityGroupId = data.securityGroupId.toLowerCase();
  if (!GUID.test(securityGroupId)) throw new InvalidSecurityGroupId(data.securityGroupId);
  const roles = grantedRoles(active, data.roles);
  const holder = [...active.accessAssignments.values()].find(
    (assignment) => assignment.securityGroupId === securityGroupId,
  );
  if (holder) throw new SecurityGroupAlreadyAssigned(securityGroupId, holder.accessAssignmentId);
  const { relationshipId, partnerId, customerId } = active.relationship;
  return [
    {
      type: 'GdapAccessAssignmentCreated',
      data: {
        relationshipId,
        partnerId,
        customerId,
        accessAssignmentId,
        securityGroupId,
        roles,
        createdDateTime: canonicalInstant(data.at),
      },
    },
  ];
}

/** The partner withdraws an access assignment of an active relationship. */
export function deleteAccessAssignment(
  { data }: DeleteGdapAccessAssignment,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const active = activeRelationship(state, data, 'deleteAccessAssignment');
  const assignment = active.accessAssignments.get(data.accessAssignmentId);
  if (!assignment) throw new GdapAccessAssignmentNotFound(data.accessAssignmentId);
  const { relationshipId, partnerId, customerId } = active.relationship;
  const { accessAssignmentId, securityGroupId, roles } = assignment;
  return [
    {
      type: 'GdapAccessAssignmentDeleted',
      data: { relationshipId, partnerId, customerId, accessAssignmentId, securityGroupId, roles },
    },
  ];
}

function activeRelationship(
  state: GdapRelationshipState,
  data: { relationshipId: string; partnerId: string },
  action: GdapAction,
): ActiveGdapRelationship {
  const existing = ownRelationship(state, data);
  if (existing.status !== 'active') throw new GdapActionNotAllowed(action, existing.status);
  return existing;
}

/** The roles asked for, lowercase and each once, all of them among the relationship's. */
function grantedRoles(active: ActiveGdapRelationship, asked: readonly string[]): string[] {
  if (asked.length === 0) throw new GdapRolesRequired();
  const roles = [...new Set(asked.map((id) => id.toLowerCase()))];
  const outside = roles.filter((id) => !active.relationship.roles.includes(id));
  if (outside.length > 0) throw new AccessRolesNotInRelationship(outside);
  return roles;
}
