import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed: `errors` names each bad field; or malformed JSON',
  401: 'Missing, invalid or expired bearer token',
  403: 'The caller’s role does not allow this action',
  404: 'Not found, or another partner’s resource',
  409: 'Conflict: concurrent change, or a business rule such as active subscriptions',
  410: 'Gone: the invitation was used, revoked or has expired',
  412: 'Stale If-Match',
  413: 'Request body too large',
  422: 'Business rule violated, or Idempotency-Key reused with another body',
  428: 'If-Match required',
};

const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', example: '/problems/validation-failed' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    code: { type: 'string', example: 'validation-failed' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** Documents the problem+json answers of a route. */
export function ApiProblems(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}
