import type { Command } from '@customer-workspace/kernel';

/**
 * The commands of a `gdapRelationship-<id>` stream. Each carries `at`, the instant it is made
 * at (the handler's clock): the decider records first any expiry or auto-extension due by then,
 * and decides on what the relationship is at that instant.
 */
interface At {
  readonly relationshipId: string;
  readonly at: string;
}

/**
 * A partner creates a relationship. The handler fills in `customerVisibleToPartner` (whether
 * the partner sees `customerId`) and `displayNameHeldBy`: the relationship the partner's
 * display-name index gives the name to, after reserving it (see `gdapDisplayNamesDecider`).
 */
export type CreateGdapRelationship = Command<
  'CreateGdapRelationship',
  At & {
    readonly partnerId: string;
    readonly customerId?: string;
    readonly customerVisibleToPartner?: boolean;
    readonly displayName: string;
    readonly duration: string;
    /** Default `PT0S`. */
    readonly autoExtendDuration?: string;
    readonly roles: readonly string[];
    readonly displayNameHeldBy: string | undefined;
  }
>;

/** A partner changes settings; a field left out stays as it is. */
export type UpdateGdapRelationship = Command<
  'UpdateGdapRelationship',
  At & {
    readonly partnerId: string;
    readonly displayName?: string;
    readonly duration?: string;
    readonly autoExtendDuration?: string;
    readonly roles?: readonly string[];
    /** Needed when `displayName` changes: as for `CreateGdapRelationship`. */
    readonly displayNameHeldBy?: string;
  }
>;

/**
 * The partner locks a `created` relationship for approval. `tokenHash`: SHA-256 (lowercase hex)
 * of the approval token the handler drew; the token goes into the approval URL, never here.
 */
export type LockGdapRelationshipForApproval = Command<
  'LockGdapRelationshipForApproval',
  At & { readonly partnerId: string; readonly tokenHash: string }
>;

/** The customer approves with the token (hashed by the handler), naming itself if asked. */
export type ApproveGdapRelationship = Command<
  'ApproveGdapRelationship',
  At & { readonly tokenHash: string; readonly customerId?: string }
>;

/** The partner ends its relationship early (or withdraws one not yet approved). */
export type TerminateGdapRelationship = Command<
  'TerminateGdapRelationship',
  At & { readonly partnerId: string }
>;

/**
 * The customer ends the relationship through the approval token: declining a pending request,
 * or ending an active relationship it approved with that token.
 */
export type TerminateGdapRelationshipAsCustomer = Command<
  'TerminateGdapRelationshipAsCustomer',
  At & { readonly tokenHash: string }
>;

/** The partner grants one of its security groups some of an active relationship's roles. */
export type CreateGdapAccessAssignment = Command<
  'CreateGdapAccessAssignment',
  At & {
    readonly partnerId: string;
    readonly accessAssignmentId: string;
    readonly securityGroupId: string;
    readonly roles: readonly string[];
  }
>;

/** The partner withdraws an access assignment. */
export type DeleteGdapAccessAssignment = Command<
  'DeleteGdapAccessAssignment',
  At & { readonly partnerId: string; readonly accessAssignmentId: string }
>;

/** The transition process records the expiries and auto-extensions due by `at`. */
export type RecordDueGdapTransitions = Command<'RecordDueGdapTransitions', At>;

/** Every command of the relationship aggregate. */
export type GdapRelationshipCommand =
  | CreateGdapRelationship
  | UpdateGdapRelationship
  | LockGdapRelationshipForApproval
  | ApproveGdapRelationship
  | TerminateGdapRelationship
  | TerminateGdapRelationshipAsCustomer
  | CreateGdapAccessAssignment
  | DeleteGdapAccessAssignment
  | RecordDueGdapTransitions;
