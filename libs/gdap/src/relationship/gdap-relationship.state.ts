import { assertNever } from '@customer-workspace/kernel';
import type {
  GdapAccessAssignment,
  GdapExpiryReason,
  GdapRelationshipCreated,
  GdapSettings,
  GdapRelationshipEvent,
  GdapTerminatedBy,
} from './gdap-relationship.events.js';

/** The statuses of a relationship, after Graph's `delegatedAdminRelationshipStatus`. */
export const GDAP_RELATIONSHIP_STATUSES = [
  'created',
  'approvalPending',
  'active',
  'expired',
  'terminated',
] as const;
export type GdapRelationshipStatus = (typeof GDAP_RELATIONSHIP_STATUSES)[number];

/** A relationship's identity and current settings. */
export type GdapRelationship = GdapRelationshipCreated['data'];

/** The approval request made by `lockForApproval`. */
export interface GdapApprovalRequest {
  readonly tokenHash: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
}

/** When an approved relationship became active and when it ends (moved by each auto-extension). */
export interface GdapActivation {
  readonly activatedDateTime: string;
  readonly endDateTime: string;
}

/** An access assignment as the relationship keeps it. */
export type GdapAccessAssignmentState = GdapAccessAssignment & { readonly createdDateTime: string };

/** The access assignments of a relationship, by id. */
export type GdapAccessAssignments = ReadonlyMap<string, GdapAccessAssignmentState>;

/**
 * State of a `gdapRelationship-<id>` stream. Time alone changes nothing here: an expiry or an
 * auto-extension is an event (see `dueGdapTransitions`); `gdapStatusAt` says what a relationship
 * is at an instant when such an event is due but not yet recorded.
 */
export type GdapRelationshipState =
  | { readonly status: 'none' }
  | { readonly status: 'created'; readonly relationship: GdapRelationship }
  | {
      readonly status: 'approvalPending';
      readonly relationship: GdapRelationship;
      readonly approval: GdapApprovalRequest;
    }
  | {
      readonly status: 'active';
      readonly relationship: GdapRelationship & { readonly customerId: string };
      readonly approval: GdapApprovalRequest;
      readonly activation: GdapActivation;
      readonly accessAssignments: GdapAccessAssignments;
    }
  | {
      readonly status: 'expired';
      readonly relationship: GdapRelationship;
      readonly approval: GdapApprovalRequest;
      readonly activation?: GdapActivation;
      readonly accessAssignments: GdapAccessAssignments;
      readonly reason: GdapExpiryReason;
      readonly expiredAt: string;
    }
  | {
      readonly status: 'terminated';
      readonly relationship: GdapRelationship;
      readonly approval?: GdapApprovalRequest;
      readonly activation?: GdapActivation;
      readonly accessAssignments: GdapAccessAssignments;
      readonly terminatedBy: GdapTerminatedBy;
      readonly terminatedAt: string;
    };

/** A relationship that exists, whatever its status. */
export type ExistingGdapRelationship = Exclude<GdapRelationshipState, { status: 'none' }>;
/** An active relationship. */
export type ActiveGdapRelationship = Extract<GdapRelationshipState, { status: 'active' }>;

/** The state of a stream with no events. */
export const initialGdapRelationshipState = (): GdapRelationshipState => ({ status: 'none' });

const NO_ASSIGNMENTS: GdapAccessAssignments = new Map();

/** Folds one relationship event into the state. */
export function evolveGdapRelationship(
  state: GdapRelationshipState,
  event: GdapRelationshipEvent,
): GdapRelationshipState {
  if (event.type === 'GdapRelationshipCreated')
    return { status: 'created', relationship: event.data };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GdapRelationshipUpdated':
      return withSettings(state, event.data.new);
    case 'GdapRelationshipApprovalRequested': {
      const { tokenHash, requestedAt, expiresAt } = event.data;
      const approval = { tokenHash, requestedAt, expiresAt };
      return { status: 'approvalPending', relationship: state.relationship, approval };
    }
    case 'GdapRelationshipApproved':
      return approved(state, event.data);
    case 'GdapRelationshipAutoExtended':
      return state.status !== 'active'
        ? state
        : { ...state, activation: { ...state.activation, endDateTime: event.data.endDateTime } };
    case 'GdapRelationshipExpired':
      return expired(state, event.data);
    case 'GdapRelationshipTerminated':
      return terminated(state, event.data);
    case 'GdapAccessAssignmentCreated':
    case 'GdapAccessAssignmentDeleted':
      return state.status !== 'active' ? state : withAssignment(state, event);
    default:
      return assertNever(event);
  }
}

/** The same status with new settings: settings never hold the customer, which stays as it was. */
function withSettings<S extends ExistingGdapRelationship>(
  state: S,
  changes: Partial<GdapSettings>,
): S {
  return { ...state, relationship: { ...state.relationship, ...changes } } as S;
}

function approved(
  state: ExistingGdapRelationship,
  data: Extract<GdapRelationshipEvent, { type: 'GdapRelationshipApproved' }>['data'],
): GdapRelationshipState {
  if (state.status !== 'approvalPending') return state;
  const { customerId, activatedDateTime, endDateTime } = data;
  return {
    status: 'active',
    relationship: { ...state.relationship, customerId },
    approval: state.approval,
    activation: { activatedDateTime, endDateTime },
    accessAssignments: NO_ASSIGNMENTS,
  };
}

function expired(
  state: ExistingGdapRelationship,
  data: Extract<GdapRelationshipEvent, { type: 'GdapRelationshipExpired' }>['data'],
): GdapRelationshipState {
  if (state.status !== 'approvalPending' && state.status !== 'active') return state;
  const activation = state.status === 'active' ? { activation: state.activation } : {};
  return {
    status: 'expired',
    relationship: state.relationship,
    approval: state.approval,
    ...activation,
    accessAssignments: state.status === 'active' ? state.accessAssignments : NO_ASSIGNMENTS,
    reason: data.reason,
    expiredAt: data.expiredAt,
  };
}

function terminated(
  state: ExistingGdapRelationship,
  data: Extract<GdapRelationshipEvent, { type: 'GdapRelationshipTerminated' }>['data'],
): GdapRelationshipState {
  if (state.status === 'expired' || state.status === 'terminated') return state;
  return {
    status: 'terminated',
    relationship: state.relationship,
    ...(state.status !== 'created' && { approval: state.approval }),
    ...(state.status === 'active' && { activation: state.activation }),
    accessAssignments: state.status === 'active' ? state.accessAssignments : NO_ASSIGNMENTS,
    terminatedBy: data.terminatedBy,
    terminatedAt: data.terminatedAt,
  };
}

function withAssignment(
  state: ActiveGdapRelationship,
  event: Extract<
    GdapRelationshipEvent,
    { type: 'GdapAccessAssignmentCreated' | 'GdapAccessAssignmentDeleted' }
  >,
): GdapRelationshipState {
  const assignments = new Map(state.accessAssignments);
  const { accessAssignmentId, securityGroupId, roles } = event.data;
  if (event.type === 'GdapAccessAssignmentDeleted') assignments.delete(accessAssignmentId);
  else {
    const { createdDateTime } = event.data;
    assignments.set(accessAssignmentId, {
      accessAssignmentId,
      securityGroupId,
      roles,
      createdDateTime,
    });
  }
  return { ...state, accessAssignments: assignments };
}
