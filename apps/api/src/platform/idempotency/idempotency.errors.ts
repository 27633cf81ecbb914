import { AppError } from '@customer-workspace/kernel';

/** The key was used before with another request body (docs/api.md#idempotency: 422). */
export class IdempotencyKeyReused extends AppError {
  readonly kind = 'rule';
  constructor() {
    super(
      'idempotency-key-reused',
      'This Idempotency-Key was already used for a different request',
    );
  }
}

/** The first request with this key is still being handled. */
export class IdempotencyKeyInFlight extends AppError {
  readonly kind = 'conflict';
  constructor() {
    super(
      'idempotency-key-in-flight',
      'A request with this Idempotency-Key is still in progress; retry shortly',
    );
  }
}

/** The first request with this key succeeded, but its answer held a secret that is not kept. */
export class IdempotentAnswerWithheld extends AppError {
  readonly kind = 'conflict';
  constructor(readonly resourceId: string | undefined) {
    super(
      'idempotent-answer-withheld',
      `A request with this Idempotency-Key already succeeded${resourceId ? ` (created ${resourceId})` : ''}; ` +
        'its answer held a secret that is never stored, so it cannot be replayed',
    );
  }
}
