import { AppError } from '@customer-workspace/kernel';
import type { GdapRelationshipStatus } from './gdap-relationship.state.js';

/** A relationship id is used once. */
export class GdapRelationshipAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(readonly relationshipId: string) {
    super('gdap-relationship-already-exists', `GDAP relationship ${relationshipId} already exists`);
  }
}

/** No such relationship of the caller's: another partner's answers the same (404). */
export class GdapRelationshipNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly relationshipId: string) {
    super('gdap-relationship-not-found', `GDAP relationship ${relationshipId} was not found`);
  }
}

/**
 * The customer named does not exist or is not the caller's: both answer the same, revealing
 * nothing about other partners' customers (the customers domain's `customer-not-found`).
 */
export class GdapCustomerNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly customerId: string) {
    super('customer-not-found', `Customer ${customerId} was not found`);
  }
}

/**
 * A change the relationship's status does not allow: settings but `autoExtendDuration` change
 * only while `created`, `autoExtendDuration` while `created` or `active`.
 */
export class GdapRelationshipNotEditable extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly status: GdapRelationshipStatus,
    readonly fields: readonly string[],
  ) {
    super(
      'gdap-relationship-not-editable',
      `A ${status} GDAP relationship cannot change ${fields.join(', ')}`,
    );
  }
}

/** What a relationship's status allows of each action, and the code of a refusal. */
export const GDAP_ACTION_STATUSES = {
  lockForApproval: { allowedIn: ['created'], code: 'gdap-relationship-not-created' },
  terminate: {
    allowedIn: ['created', 'approvalPending', 'active'],
    code: 'gdap-relationship-already-ended',
  },
  createAccessAssignment: { allowedIn: ['active'], code: 'gdap-relationship-not-active' },
  deleteAccessAssignment: { allowedIn: ['active'], code: 'gdap-relationship-not-active' },
} as const satisfies Record<string, { allowedIn: readonly GdapRelationshipStatus[]; code: string }>;
export type GdapAction = keyof typeof GDAP_ACTION_STATUSES;

/** An action the relationship's status does not allow (e.g. locking one that is not `created`). */
export class GdapActionNotAllowed extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly action: GdapAction,
    readonly status: GdapRelationshipStatus,
  ) {
    const { allowedIn, code } = GDAP_ACTION_STATUSES[action];
    super(
      code,
      `${action} needs a GDAP relationship that is ${allowedIn.join(' or ')}; this one is ${status}`,
    );
  }
}
