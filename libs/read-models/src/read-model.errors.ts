import { AppError } from '@customer-workspace/kernel';

/**
 * A query parameter a read model cannot use although it looked right (a cursor it never handed
 * out). `parameter` names it: the api answers it like its own request checks, naming the field.
 */
export abstract class InvalidQueryParameter extends AppError {
  readonly kind = 'validation';
  constructor(
    readonly parameter: string,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

/** A cursor this list did not hand out, or one of another sort: start again without one. */
export class InvalidCursor extends InvalidQueryParameter {
  constructor(message: string) {
    super('cursor', 'invalid-cursor', message);
  }
}

/**
 * The caller's activity log has no entry at this position: none was recorded there, it was no
 * action, or it is another partner's (404 alike, docs/product.md rule 5).
 */
export class ActivityLogEntryNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly position: string) {
    super('activity-log-entry-not-found', `The activity log has no entry at position ${position}`);
  }
}

/** A query's `minPosition` was not reached in time: the read model lags (503, retry later). */
export class ReadModelBehind extends AppError {
  readonly kind = 'unavailable';
  constructor(projection: string, wanted: bigint, reached: bigint | undefined, waitedMs: number) {
    super(
      'read-model-behind',
      `The ${projection} read model has not reached position ${wanted} after ${waitedMs} ms ` +
        `(it is at ${reached ?? 'the start'}); retry shortly.`,
    );
  }
}
