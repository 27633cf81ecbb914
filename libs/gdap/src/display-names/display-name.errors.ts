import { AppError } from '@customer-workspace/kernel';

/** A display name has 1 to 50 characters after trimming. */
export class InvalidGdapDisplayName extends AppError {
  readonly kind = 'validation';
  readonly field = 'displayName';
  constructor(readonly maxLength: number) {
    super(
      'invalid-gdap-display-name',
      `displayName must have 1 to ${maxLength} characters after trimming`,
    );
  }
}

/** Display names are unique among a partner's relationships, ignoring case. */
export class GdapDisplayNameTaken extends AppError {
  readonly kind = 'conflict';
  readonly field = 'displayName';
  constructor(readonly displayName: string) {
    super(
      'gdap-display-name-taken',
      `Another GDAP relationship of the partner is named "${displayName}"`,
    );
  }
}
