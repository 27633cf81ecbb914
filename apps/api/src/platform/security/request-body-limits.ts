import type { FastifyInstance } from 'fastify';
import { ValidationFailed } from '../errors/validation-failed.js';

/** Deepest nesting a JSON body may have; the api's own bodies nest three levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Keys that name members of `Object.prototype` (`__proto__`, `constructor`, `toString`,
 * `valueOf`, `hasOwnProperty`, ...) or `prototype`. No DTO has such a field, and on the
 * objects class-transformer builds they shadow or reach prototype members; class-validator's
 * whitelist even lets them through as if they were declared.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** A UTF-16 surrogate not paired: JSON can escape one (`"\ud800"`), Unicode text cannot hold it. */
const LONE_SURROGATE = /\p{Cs}/u;

interface Visit {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

type Refusal = { readonly field: string; readonly message: string } | undefined;

const UNICODE = 'must be well-formed Unicode (it holds a lone surrogate)';

/** What is wrong with one node of the body itself, not counting its children. */
function refusalOf({ value, path, depth }: Visit): Refusal {
  const field = path || 'body';
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) return { field, message: UNICODE };
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_BODY_DEPTH) {
    return { field, message: `must not nest deeper than ${MAX_BODY_DEPTH} levels` };
  }
  if (Array.isArray(value)) return undefined;
  const key = Object.keys(value).find((k) => RESERVED_KEYS.has(k) || LONE_SURROGATE.test(k));
  if (key === undefined) return undefined;
  const keyField = path ? `${path}.${key}` : key;
  if (RESERVED_KEYS.has(key)) return { field: keyField, message: `${key} is a reserved name` };
  return { field: keyField, message: UNICODE };
}

/** The first reason the parsed body is refused, walking it without recursion. */
function refusal(body: unknown): Refusal {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { field: 'body', message: 'must be a JSON object' };
  }
  const stack: Visit[] = [{ value: body, path: '', depth: 0 }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const refused = refusalOf(visit);
    if (refused) return refused;
    if (visit.value === null || typeof visit.value !== 'object') continue;
    for (const [key, value] of Object.entries(visit.value)) {
      const path = visit.path ? `${visit.path}.${key}` : key;
      stack.push({ value, path, depth: visit.depth + 1 });
    }
  }
  return undefined;
}

/**
 * Refuses with 400, before any guard, pipe or handler sees them, bodies that:
 * - are not a JSON object (Nest's ValidationPipe lets a `null` body reach the handler);
 * - nest deeper than `MAX_BODY_DEPTH` (class-transformer and class-validator recurse per
 *   level: a deep enough body overflows the stack, a 500);
 * - have a reserved key anywhere (Fastify's parser refuses only `__proto__` and
 *   `constructor.prototype`);
 * - hold a lone surrogate in any string (validator.js's `isEmail` throws a URIError on one).
 */
export function registerRequestBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const problem = refusal(request.body);
    if (problem) throw new ValidationFailed([problem]);
  });
}
