import type { GdapRelationshipEvent } from '@customer-workspace/gdap';
import type { ActivityChange } from './activity-log.changes.js';

type DataOf<T extends GdapRelationshipEvent['type']> = Extract<
  GdapRelationshipEvent,
  { type: T }
>['data'];

/** One describer per GDAP relationship event type: the compiler refuses a missing one. */
type Describers = {
  readonly [T in GdapRelationshipEvent['type']]: (data: DataOf<T>) => ActivityChange;
};

/**
 * The old and new values each GDAP event shows, always naming the relationship (and the
 * assignment). Picked field by field: the approval token's hash never reaches the log.
 */
const DESCRIBERS: Describers = {
  GdapRelationshipCreated: (data) =>
    relationship({
      newValue: {
        relationshipId: data.relationshipId,
        ...(data.customerId !== undefined && { customerId: data.customerId }),
        status: 'created',
        displayName: data.displayName,
        duration: data.duration,
        autoExtendDuration: data.autoExtendDuration,
        roles: data.roles,
      },
    }),
  GdapRelationshipUpdated: ({ relationshipId, old, new: now }) =>
    relationship({ oldValue: { relationshipId, ...old }, newValue: { relationshipId, ...now } }),
  GdapRelationshipApprovalRequested: ({ relationshipId, expiresAt }) =>
    relationship({
      oldValue: { relationshipId, status: 'created' },
      newValue: { relationshipId, status: 'approvalPending', expiresAt },
    }),
  GdapRelationshipApproved: ({ relationshipId, customerId, activatedDateTime, endDateTime }) =>
    relationship({
      oldValue: { relationshipId, status: 'approvalPending' },
      newValue: { relationshipId, customerId, status: 'active', activatedDateTime, endDateTime },
    }),
  GdapRelationshipTerminated: (data) =>
    relationship({
      oldValue: {
        relationshipId: data.relationshipId,
        status: data.previousStatus,
        ...(data.endDateTime !== undefined && { endDateTime: data.endDateTime }),
      },
      newValue: {
        relationshipId: data.relationshipId,
        status: 'terminated',
        terminatedBy: data.terminatedBy,
        terminatedAt: data.terminatedAt,
      },
    }),
  GdapRelationshipExpired: ({ relationshipId, previousStatus, reason, expiredAt }) =>
    relationship({
      oldValue: { relationshipId, status: previousStatus },
      newValue: { relationshipId, status: 'expired', reason, expiredAt },
    }),
  GdapRelationshipAutoExtended: ({ relationshipId, previousEndDateTime, endDateTime }) =>
    relationship({
      oldValue: { relationshipId, endDateTime: previousEndDateTime },
      newValue: { relationshipId, endDateTime },
    }),
  GdapAccessAssignmentCreated: ({ relationshipId, accessAssignmentId, securityGroupId, roles }) =>
    assignment({
      newValue: { relationshipId, accessAssignmentId, securityGroupId, roles, status: 'active' },
    }),
  GdapAccessAssignmentDeleted: ({ relationshipId, accessAssignmentId, securityGroupId, roles }) =>
    assignment({
      oldValue: { relationshipId, accessAssignmentId, securityGroupId, roles, status: 'active' },
      newValue: null,
    }),
};

/** The resource type and old/new values of a GDAP relationship event. */
export function gdapChangeOf(event: GdapRelationshipEvent): ActivityChange {
  const describe = DESCRIBERS[event.type] as (
    data: GdapRelationshipEvent['data'],
  ) => ActivityChange;
  return describe(event.data);
}

const relationship = (values: Omit<ActivityChange, 'resourceType'>): ActivityChange => ({
  resourceType: 'gdap-relationship',
  ...values,
});

const assignment = (values: Omit<ActivityChange, 'resourceType'>): ActivityChange => ({
  resourceType: 'gdap-access-assignment',
  ...values,
});
