import type { GdapEventType } from './gdap-events.js';

/** The activity-log actions of GDAP, after Partner Center's operation types. */
export type GdapActivityAction =
  | 'granular_admin_relationship_created'
  | 'granular_admin_relationship_updated'
  | 'granular_admin_relationship_approval_requested'
  | 'granular_admin_relationship_approved'
  | 'granular_admin_relationship_terminated'
  | 'granular_admin_relationship_expired'
  | 'granular_admin_relationship_auto_extended'
  | 'granular_admin_access_assignment_created'
  | 'granular_admin_access_assignment_deleted';

/**
 * The activity-log action of each GDAP event type. `null` for the display-name index: its
 * reservations are bookkeeping of the creation or rename that made them, no row of their own.
 * A record over every type, so a new event type does not compile until it is decided here.
 */
export const GDAP_ACTIVITY_ACTIONS: Readonly<Record<GdapEventType, GdapActivityAction | null>> = {
  GdapRelationshipCreated: 'granular_admin_relationship_created',
  GdapRelationshipUpdated: 'granular_admin_relationship_updated',
  GdapRelationshipApprovalRequested: 'granular_admin_relationship_approval_requested',
  GdapRelationshipApproved: 'granular_admin_relationship_approved',
  GdapRelationshipTerminated: 'granular_admin_relationship_terminated',
  GdapRelationshipExpired: 'granular_admin_relationship_expired',
  GdapRelationshipAutoExtended: 'granular_admin_relationship_auto_extended',
  GdapAccessAssignmentCreated: 'granular_admin_access_assignment_created',
  GdapAccessAssignmentDeleted: 'granular_admin_access_assignment_deleted',
  GdapDisplayNameReserved: null,
  GdapDisplayNameReleased: null,
};

/** The webhook event names GDAP events notify (of those the api lists), none for the others. */
export type GdapWebhookEventName =
  | 'granular-admin-relationship-approved'
  | 'granular-admin-relationship-activated'
  | 'granular-admin-relationship-terminated'
  | 'granular-admin-relationship-expired'
  | 'granular-admin-access-assignment-created'
  | 'granular-admin-access-assignment-deleted';

/**
 * The webhook notifications of each GDAP event type. An approval activates the relationship in
 * the same instant, so it notifies both `approved` and `activated`; creating, editing, locking,
 * auto-extending and the display-name index notify nothing (no name is listed for them).
 */
export const GDAP_WEBHOOK_EVENTS: Readonly<Record<GdapEventType, readonly GdapWebhookEventName[]>> =
  {
    GdapRelationshipCreated: [],
    GdapRelationshipUpdated: [],
    GdapRelationshipApprovalRequested: [],
    GdapRelationshipApproved: [
      'granular-admin-relationship-approved',
      'granular-admin-relationship-activated',
    ],
    GdapRelationshipTerminated: ['granular-admin-relationship-terminated'],
    GdapRelationshipExpired: ['granular-admin-relationship-expired'],
    GdapRelationshipAutoExtended: [],
    GdapAccessAssignmentCreated: ['granular-admin-access-assignment-created'],
    GdapAccessAssignmentDeleted: ['granular-admin-access-assignment-deleted'],
    GdapDisplayNameReserved: [],
    GdapDisplayNameReleased: [],
  };
