import { AppError } from '@customer-workspace/kernel';

/**
 * A retry (same `Idempotency-Key`) of an invitation whose first attempt was stored but never
 * answered: the first URL's secret was never kept, so it cannot be shown again.
 */
export class InvitationSecretLost extends AppError {
  readonly kind = 'conflict';
  constructor(readonly invitationId: string) {
    super(
      'invitation-secret-lost',
      `This Idempotency-Key already requested invitation ${invitationId}, whose URL cannot be ` +
        'shown again: revoke it and invite with a new key',
    );
  }
}
