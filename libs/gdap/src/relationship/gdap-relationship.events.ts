import type { DomainEvent } from '@customer-workspace/kernel';
import type { AutoExtendDuration } from '../duration/gdap-durations.js';

/** What a partner chooses of a relationship (durations canonical, roles as the catalog keeps them). */
export interface GdapSettings {
  readonly displayName: string;
  readonly duration: string;
  readonly autoExtendDuration: AutoExtendDuration;
  readonly roles: readonly string[];
}

/** Who ended a relationship early: the partner, or the customer holding the approval token. */
export type GdapTerminatedBy = 'partner' | 'customer';

/** Why a relationship expired: never approved within 90 days, or its end date-time came. */
export type GdapExpiryReason = 'approvalRequestExpired' | 'endDateTimeReached';

/** A partner created a relationship (`created`: editable, not yet shown to any customer). */
export type GdapRelationshipCreated = DomainEvent<
  'GdapRelationshipCreated',
  GdapSettings & {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId?: string;
    readonly createdDateTime: string;
  }
>;

/** The partner changed settings: only what changed, its old and new values. */
export type GdapRelationshipUpdated = DomainEvent<
  'GdapRelationshipUpdated',
  {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId?: string;
    readonly old: Partial<GdapSettings>;
    readonly new: Partial<GdapSettings>;
  }
>;

/**
 * The partner locked the relationship for approval (`created` → `approvalPending`): only the
 * SHA-256 hash of the single-use approval token is recorded, never the token.
 */
export type GdapRelationshipApprovalRequested = DomainEvent<
  'GdapRelationshipApprovalRequested',
  {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId?: string;
    readonly tokenHash: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  }
>;

/**
 * The customer approved (`approvalPending` → `active`). `customerBoundAtApproval`: the
 * relationship named no customer and the approving one is now its customer.
 */
export type GdapRelationshipApproved = DomainEvent<
  'GdapRelationshipApproved',
  {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId: string;
    readonly customerBoundAtApproval: boolean;
    readonly activatedDateTime: string;
    readonly endDateTime: string;
  }
>;

/** At its end date-time, an active relationship that auto-extends got 180 more days. */
export type GdapRelationshipAutoExtended = DomainEvent<
  'GdapRelationshipAutoExtended',
  {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId: string;
    readonly previousEndDateTime: string;
    readonly endDateTime: string;
  }
>;

/** The relationship expired at `expiredAt`, the instant it was due (not when it was noticed). */
export type GdapRelationshipExpired = DomainEvent<
  'GdapRelationshipExpired',
  {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId?: string;
    readonly previousStatus: 'approvalPending' | 'active';
    readonly reason: GdapExpiryReason;
    readonly expiredAt: string;
  }
>;

/** The relationship was ended early; `endDateTime` is the end an active one had. */
export type GdapRelationshipTerminated = DomainEvent<
  'GdapRelationshipTerminated',
  {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId?: string;
    readonly previousStatus: 'created' | 'approvalPending' | 'active';
    readonly terminatedBy: GdapTerminatedBy;
    readonly terminatedAt: string;
    readonly endDateTime?: string;
  }
>;

/** What an access assignment grants: a security group of the partner, some of the roles. */
export interface GdapAccessAssignment {
  readonly accessAssignmentId: string;
  readonly securityGroupId: string;
  readonly roles: readonly string[];
}

/** The partner granted one of its security groups some of an active relationship's roles. */
export type GdapAccessAssignmentCreated = DomainEvent<
  'GdapAccessAssignmentCreated',
  GdapAccessAssignment & {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId: string;
    readonly createdDateTime: string;
  }
>;

/** The partner withdrew an access assignment; the event keeps what it granted (the old value). */
export type GdapAccessAssignmentDeleted = DomainEvent<
  'GdapAccessAssignmentDeleted',
  GdapAccessAssignment & {
    readonly relationshipId: string;
    readonly partnerId: string;
    readonly customerId: string;
  }
>;

/** The events a transition due at an instant records (see `dueGdapTransitions`). */
export type GdapTransitionEvent = GdapRelationshipAutoExtended | GdapRelationshipExpired;

/** Every event of a `gdapRelationship-<id>` stream. */
export type GdapRelationshipEvent =
  | GdapRelationshipCreated
  | GdapRelationshipUpdated
  | GdapRelationshipApprovalRequested
  | GdapRelationshipApproved
  | GdapRelationshipTerminated
  | GdapTransitionEvent
  | GdapAccessAssignmentCreated
  | GdapAccessAssignmentDeleted;

/** The schema version each relationship event type is written at. */
export const GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS: Readonly<
  Record<GdapRelationshipEvent['type'], number>
> = {
  GdapRelationshipCreated: 1,
  GdapRelationshipUpdated: 1,
  GdapRelationshipApprovalRequested: 1,
  GdapRelationshipApproved: 1,
  GdapRelationshipTerminated: 1,
  GdapRelationshipAutoExtended: 1,
  GdapRelationshipExpired: 1,
  GdapAccessAssignmentCreated: 1,
  GdapAccessAssignmentDeleted: 1,
};
