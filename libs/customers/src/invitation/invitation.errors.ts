import { AppError } from '@customer-workspace/kernel';

/** An invitation id is used once. */
export class InvitationAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(readonly invitationId: string) {
    super('invitation-already-exists', `Invitation ${invitationId} already exists`);
  }
}

/** No such invitation of the caller's (another partner's answers the same). */
export class InvitationNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly invitationId: string) {
    super('invitation-not-found', `Invitation ${invitationId} was not found`);
  }
}

/** Only a pending invitation can be revoked. */
export class InvitationNotPending extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly invitationId: string,
    readonly status: 'revoked' | 'accepted',
  ) {
    super(`invitation-already-${status}`, `Invitation ${invitationId} is already ${status}`);
  }
}

/** Only an indirect reseller invites together with an indirect provider. */
export class NotAnIndirectReseller extends AppError {
  readonly kind = 'rule';
  constructor() {
    super(
      'not-an-indirect-reseller',
      'Only a partner in the indirect-reseller program invites together with an indirect provider',
    );
  }
}

/** An indirect reseller invites together with its own indirect provider only. */
export class NotOwnIndirectProvider extends AppError {
  readonly kind = 'rule';
  constructor(readonly indirectProviderId: string) {
    super(
      'not-own-indirect-provider',
      `Partner ${indirectProviderId} is not the caller's indirect provider`,
    );
  }
}

/** An invitation expires after it was requested. */
export class InvalidExpiry extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('invalid-expiry', 'An invitation must expire after it is requested');
  }
}

/** The token hash is a SHA-256 digest in lowercase hex. */
export class InvalidTokenHash extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('invalid-token-hash', 'The token hash must be 64 lowercase hexadecimal digits');
  }
}

/** The token does not belong to this invitation: answered as not-found, revealing nothing. */
export class InvitationTokenInvalid extends AppError {
  readonly kind = 'not-found';
  constructor(readonly invitationId: string) {
    super('invitation-token-invalid', `No invitation ${invitationId} matches this token`);
  }
}

/** The invitation was revoked by the partner. */
export class InvitationRevoked extends AppError {
  readonly kind = 'gone';
  constructor(readonly invitationId: string) {
    super('invitation-revoked', `Invitation ${invitationId} was revoked`);
  }
}

/** The token is single-use and was used. */
export class InvitationAlreadyUsed extends AppError {
  readonly kind = 'gone';
  constructor(readonly invitationId: string) {
    super('invitation-already-used', `Invitation ${invitationId} was already accepted`);
  }
}

/** The invitation expired. */
export class InvitationExpired extends AppError {
  readonly kind = 'gone';
  constructor(
    readonly invitationId: string,
    readonly expiresAt: string,
  ) {
    super('invitation-expired', `Invitation ${invitationId} expired at ${expiresAt}`);
  }
}

/** A targeted invitation is accepted only by the customer it names. */
export class InvitationCustomerMismatch extends AppError {
  readonly kind = 'rule';
  constructor(readonly invitationId: string) {
    super(
      'invitation-customer-mismatch',
      `Invitation ${invitationId} was sent to another customer`,
    );
  }
}
