import { AppError } from '@customer-workspace/kernel';

/** A relationship lasts from `P1D` to `P2Y` (730 days), written as an ISO 8601 duration. */
export class InvalidGdapDuration extends AppError {
  readonly kind = 'validation';
  readonly field = 'duration';
  constructor(readonly value: string) {
    super(
      'invalid-gdap-duration',
      `duration must be an ISO 8601 duration from P1D to P2Y (730 days), not ${JSON.stringify(value)}`,
    );
  }
}

/** A relationship auto-extends by nothing (`PT0S`) or by `P180D`. */
export class InvalidAutoExtendDuration extends AppError {
  readonly kind = 'validation';
  readonly field = 'autoExtendDuration';
  constructor(readonly value: string) {
    super(
      'invalid-auto-extend-duration',
      `autoExtendDuration must be PT0S or P180D, not ${JSON.stringify(value)}`,
    );
  }
}
