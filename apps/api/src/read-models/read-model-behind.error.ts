import { AppError } from '@customer-workspace/kernel';

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
