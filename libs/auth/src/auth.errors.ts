import { AppError } from '@customer-workspace/kernel';

/** No valid bearer token: missing, malformed, wrongly signed, expired or lacking claims. */
export class Unauthenticated extends AppError {
  readonly kind = 'unauthorized';
  constructor(detail: string) {
    super('unauthenticated', detail);
  }
}

/** A valid caller whose roles do not allow the action. */
export class RoleNotAllowed extends AppError {
  readonly kind = 'forbidden';
  constructor(allowed: readonly string[]) {
    super('role-not-allowed', `This action needs one of the roles: ${allowed.join(', ')}`);
  }
}
