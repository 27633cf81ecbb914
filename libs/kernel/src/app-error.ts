/**
 * What kind of failure an error is; the HTTP layer maps kinds to status codes
 * (validation 400, not-found 404, conflict 409, rule 422, unavailable 503).
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'precondition'
  | 'precondition-required'
  | 'rule'
  | 'unavailable';

/** Base of every error this codebase raises on purpose: a stable `code` and a `kind`. */
export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
