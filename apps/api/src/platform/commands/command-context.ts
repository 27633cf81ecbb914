import { randomUUID } from 'node:crypto';
import type { CommandContext, EventIdSource } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { deterministicUuid } from '../idempotency/fingerprint.js';
import type { IdempotentRequest } from '../idempotency/idempotency.interceptor.js';

/** Everything a command carries about its request: the event metadata and the event-id source. */
export interface RequestContext {
  readonly context: CommandContext;
  /** Present with an `Idempotency-Key`: a retry gets the same event ids, so nothing is stored twice. */
  readonly eventId?: EventIdSource;
  /**
   * A new id for what the command creates (customer, tag, partner): random, or with an
   * `Idempotency-Key` derived from it, so a retry names the same thing and finds it done.
   */
  readonly newId: (label: string) => string;
}

/**
 * The metadata of docs/product.md rule 4 for a command issued over HTTP: the caller's identity,
 * the request's correlation id (also its causation: the request caused the command), now.
 */
export function requestContext(
  request: IdempotentRequest,
  caller: Principal,
  now: Date,
  customerId?: string,
): RequestContext {
  const key = request.idempotencyKey;
  return {
    context: {
      correlationId: request.id,
      causationId: request.id,
      actor: { userId: caller.userId, upn: caller.upn, role: caller.roles[0] as string },
      partnerId: caller.partnerId,
      ...(customerId === undefined ? {} : { customerId }),
      occurredAt: now.toISOString(),
    },
    newId: (label) =>
      key ? deterministicUuid(`${key.scope}/${key.key}/id/${label}`) : randomUUID(),
    ...(key
      ? { eventId: (index: number) => deterministicUuid(`${key.scope}/${key.key}/${index}`) }
      : {}),
  };
}
