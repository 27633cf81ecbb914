import { HttpException, HttpStatus } from '@nestjs/common';
import { AppError, type ErrorKind } from '@customer-workspace/kernel';
import { ValidationFailed } from './validation-failed.js';
import { toStorageError } from '@customer-workspace/event-store';
import { InvalidQueryParameter } from '@customer-workspace/read-models';

/** RFC 9457 problem details, as every error response of the api carries them. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly { field: string; message: string }[];
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  precondition: 412,
  'precondition-required': 428,
  rule: 422,
  unavailable: 503,
};

/**
 * The request field each domain validation error is about, so that its problem names the
 * field like the DTO checks do (docs/api.md#the-errors-array).
 */
const DOMAIN_ERROR_FIELDS: Record<string, string> = {
  'partner-name-required': 'name',
  'programs-required': 'programs',
  'duplicate-programs': 'programs',
  'indirect-provider-required': 'indirectProviderId',
  'indirect-provider-not-allowed': 'indirectProviderId',
  'invalid-tag-name': 'name',
  'relationship-required': 'relationship',
  'line-items-required': 'lineItems',
  'quantity-out-of-range': 'lineItems.quantity',
  'partner-on-record-required': 'lineItems.partnerIdOnRecord',
  'partner-on-record-not-allowed': 'lineItems.partnerIdOnRecord',
  'unsafe-webhook-target': 'url',
  'webhook-without-events': 'events',
  'erasure-not-attested': 'attestation.accepted',
  'erasure-reason-required': 'attestation.reason',
};

export const problemType = (code: string): string => `/problems/${code}`;

/** The field a domain error names itself (GDAP's errors carry `field`), if any. */
function fieldOf(error: AppError): string | undefined {
  const field = (error as { field?: unknown }).field;
  return typeof field === 'string' ? field : undefined;
}

const titleOf = (status: number): string =>
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return { type: problemType(code), title: titleOf(status), status, detail, code, ...extra };
}

/**
 * A read model's refusal of a query parameter (a cursor it never handed out) answers like the
 * request's own checks: `validation-failed`, naming the parameter as the field.
 */
function asRequestError(error: unknown): unknown {
  if (!(error instanceof InvalidQueryParameter)) return error;
  return new ValidationFailed([{ field: error.parameter, message: error.message }]);
}

/** Turns anything thrown while serving a request into problem details; 5xx hide the cause. */
export function toProblemDetails(thrown: unknown): ProblemDetails {
  // SQLite faults of any of our files (events, idempotency keys, read models): 503, named.
  const error = asRequestError(toStorageError(thrown));
  if (error instanceof ValidationFailed) {
    return problem(400, error.code, error.message, { errors: error.errors });
  }
  if (error instanceof AppError && error.kind === 'validation') {
    const field = DOMAIN_ERROR_FIELDS[error.code] ?? fieldOf(error) ?? 'body';
    return problem(400, error.code, error.message, { errors: [{ field, message: error.message }] });
  }
  if (error instanceof AppError)
    return problem(STATUS_BY_KIND[error.kind], error.code, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = titleOf(status).toLowerCase().replaceAll(' ', '-');
    return problem(
      status,
      code,
      status >= 500 ? 'The server failed to handle the request' : error.message,
    );
  }
  const fastify = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (
    typeof fastify.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    const code =
      typeof fastify.code === 'string'
        ? fastify.code.toLowerCase().replaceAll('_', '-')
        : 'bad-request';
    return problem(fastify.statusCode, code, String(fastify.message));
  }
  return problem(500, 'internal-error', 'The server failed to handle the request');
}
