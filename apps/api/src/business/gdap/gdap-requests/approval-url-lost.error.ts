import { AppError } from '@customer-workspace/kernel';

/**
 * A retry (same `Idempotency-Key`) of a lock whose first attempt was stored but never
 * answered: the approval URL's secret was never kept, so it cannot be shown again.
 */
export class GdapApprovalUrlLost extends AppError {
  readonly kind = 'conflict';
  constructor(readonly relationshipId: string) {
    super(
      'gdap-approval-url-lost',
      `This Idempotency-Key already locked GDAP relationship ${relationshipId} for approval; ` +
        'its approval URL cannot be shown again: terminate it and create a new one',
    );
  }
}
