import { AppError } from '@customer-workspace/kernel';

export class IfMatchRequired extends AppError {
  readonly kind = 'precondition-required';
  constructor() {
    super(
      'if-match-required',
      'Send the ETag of the billing profile you read in an If-Match header',
    );
  }
}

export class IfMatchNotCurrent extends AppError {
  readonly kind = 'precondition';
  constructor(value: string) {
    super(
      'stale-billing-profile',
      `If-Match ${value} does not name a version of this billing profile`,
    );
  }
}

/** The billing-profile version named by `If-Match: "N"` (strong ETag; `*` is not accepted). */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new IfMatchRequired();
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new IfMatchNotCurrent(header);
  return Number(match[1]);
}
