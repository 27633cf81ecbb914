import { AppError } from '@customer-workspace/kernel';
import type { Relationship } from '../common/domain.constants.js';

/** A customer id is added once. */
export class CustomerAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(readonly customerId: string) {
    super('customer-already-exists', `Customer ${customerId} already exists`);
  }
}

/**
 * The customer does not exist, or the caller has no active relationship with it: both answer
 * the same, so a partner never learns about another partner's customers (docs/product.md rule 5).
 */
export class CustomerNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly customerId: string) {
    super('customer-not-found', `Customer ${customerId} was not found`);
  }
}

/** The billing profile changed since the caller read it (stale `If-Match`). */
export class StaleBillingProfile extends AppError {
  readonly kind = 'precondition';
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      'stale-billing-profile',
      `The billing profile is at version ${actualVersion}, not ${expectedVersion}`,
    );
  }
}

/** The caller does not hold this relationship with the customer (partners remove only their own). */
export class RelationshipNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(
    readonly customerId: string,
    readonly relationship: Relationship,
  ) {
    super('relationship-not-found', `No ${relationship} relationship with customer ${customerId}`);
  }
}

/** The caller holds several relationships with the customer and must say which one orders. */
export class RelationshipRequired extends AppError {
  readonly kind = 'validation';
  constructor(readonly held: readonly Relationship[]) {
    super('relationship-required', `Name the relationship to order under: ${held.join(', ')}`);
  }
}

/** Removing a relationship needs an accepted attestation with a reason. */
export class AttestationRequired extends AppError {
  readonly kind = 'rule';
  constructor() {
    super(
      'attestation-required',
      'Removing a relationship needs an accepted attestation with a non-blank reason',
    );
  }
}

/** A relationship cannot be removed while subscriptions under it are not cancelled. */
export class ActiveSubscriptions extends AppError {
  readonly kind = 'conflict';
  constructor(readonly subscriptionIds: readonly string[]) {
    super(
      'active-subscriptions',
      `Cancel the subscriptions under this relationship first: ${subscriptionIds.join(', ')}`,
    );
  }
}

/** One partner may put at most 150 tags on one customer. */
export class TagLimitReached extends AppError {
  readonly kind = 'rule';
  constructor(readonly limit: number) {
    super('tag-limit-reached', `A customer carries at most ${limit} tags of one partner`);
  }
}

/** Erasing personal data needs the partner's accepted attestation (docs/product.md rule 8). */
export class ErasureNotAttested extends AppError {
  readonly kind = 'validation';
  constructor() {
    super(
      'erasure-not-attested',
      'attestation.accepted must be true: the partner confirms the erasure is lawfully requested',
    );
  }
}

/** Erasing personal data needs a reason in the attestation. */
export class ErasureReasonRequired extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('erasure-reason-required', 'attestation.reason must not be blank');
  }
}

/** The customer has no billing profile: there is no personal data to erase. */
export class NoPersonalData extends AppError {
  readonly kind = 'conflict';
  constructor(readonly customerId: string) {
    super('no-personal-data', `Customer ${customerId} has no billing profile: nothing to erase`);
  }
}

/** The customer's personal data is erased already, and no new billing profile was set since. */
export class PersonalDataAlreadyErased extends AppError {
  readonly kind = 'conflict';
  constructor(readonly customerId: string) {
    super(
      'personal-data-already-erased',
      `The personal data of customer ${customerId} is erased already; nothing was set since`,
    );
  }
}
