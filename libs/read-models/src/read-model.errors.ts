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
