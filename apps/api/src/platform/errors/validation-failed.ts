import type { ValidationError } from 'class-validator';
import { AppError } from '@customer-workspace/kernel';

export interface FieldError {
  /** Dotted path of the field in the body or query (`billingProfile.email`). */
  readonly field: string;
  readonly message: string;
}

/** The request does not satisfy its schema; `errors` names each bad field. */
export class ValidationFailed extends AppError {
  readonly kind = 'validation';
  constructor(readonly errors: readonly FieldError[]) {
    super(
      'validation-failed',
      `The request has ${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}`,
    );
  }

  /** Flattens class-validator's nested errors into dotted field paths. */
  static fromClassValidator(errors: readonly ValidationError[], parent = ''): ValidationFailed {
    return new ValidationFailed(flatten(errors, parent));
  }
}

function flatten(errors: readonly ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
