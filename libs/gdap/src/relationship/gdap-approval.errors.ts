import { AppError } from '@customer-workspace/kernel';

/** The token hash is a SHA-256 digest in lowercase hex. */
export class InvalidGdapTokenHash extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('invalid-token-hash', 'The token hash must be 64 lowercase hexadecimal digits');
  }
}

/** The token is not this relationship's: answered as not-found, revealing nothing. */
export class GdapApprovalTokenInvalid extends AppError {
  readonly kind = 'not-found';
  constructor(readonly relationshipId: string) {
    super(
      'gdap-approval-token-invalid',
      `No GDAP relationship ${relationshipId} matches this token`,
    );
  }
}

/** The approval request was not approved within its 90 days. */
export class GdapApprovalRequestExpired extends AppError {
  readonly kind = 'gone';
  constructor(
    readonly relationshipId: string,
    readonly expiresAt: string,
  ) {
    super(
      'gdap-approval-request-expired',
      `The approval request of GDAP relationship ${relationshipId} expired at ${expiresAt}`,
    );
  }
}

/** The token approves once: the relationship was approved with it already. */
export class GdapApprovalTokenUsed extends AppError {
  readonly kind = 'gone';
  constructor(readonly relationshipId: string) {
    super(
      'gdap-approval-token-used',
      `GDAP relationship ${relationshipId} was already approved with this token`,
    );
  }
}

/** The relationship ended (terminated, or expired after being active): nothing is left to do. */
export class GdapRelationshipEnded extends AppError {
  readonly kind = 'gone';
  constructor(
    readonly relationshipId: string,
    readonly status: 'expired' | 'terminated',
  ) {
    super('gdap-relationship-ended', `GDAP relationship ${relationshipId} is ${status}`);
  }
}

/** A relationship created for a customer is approved by that customer only. */
export class GdapCustomerMismatch extends AppError {
  readonly kind = 'rule';
  readonly field = 'customerId';
  constructor(readonly relationshipId: string) {
    super(
      'gdap-customer-mismatch',
      `GDAP relationship ${relationshipId} was requested of another customer`,
    );
  }
}

/** A relationship that names no customer is approved by one that names itself. */
export class GdapCustomerIdRequired extends AppError {
  readonly kind = 'validation';
  readonly field = 'customerId';
  constructor() {
    super(
      'gdap-customer-id-required',
      'customerId is required: this relationship names no customer yet',
    );
  }
}
