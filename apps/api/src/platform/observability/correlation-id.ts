import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const CORRELATION_ID = Symbol('correlationId');

type WithCorrelationId = IncomingMessage & { [CORRELATION_ID]?: string };

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it is a safe token,
 * otherwise a new UUID. Computed once per request (Fastify's request id, pino's `correlationId`,
 * the response header and the events' metadata all use it).
 */
export function correlationIdOf(request: IncomingMessage): string {
  const cached = (request as WithCorrelationId)[CORRELATION_ID];
  if (cached) return cached;
  const given = request.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  (request as WithCorrelationId)[CORRELATION_ID] = id;
  return id;
}
