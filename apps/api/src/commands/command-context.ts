import type { CommandContext, HandleOptions } from '../../../../libs/event-store/src/index.js';
import type { Principal } from '../auth/roles.js';
import { deterministicUuid } from '../idempotency/fingerprint.js';
import type { IdempotentRequest } from '../idempotency/idempotency.interceptor.js';

/** Everything a command carries about its request: the event metadata and the event-id source. */
export interface RequestContext {
  readonly context: CommandContext;
  /** Present with an `Idempotency-Key`: a retry gets the same event ids, so nothing is stored twice. */
  readonly eventId?: HandleOptions['eventId'];
}

/**
 * The metadata of PRODUCT.md rule 4 for a command issued over HTTP: the caller's identity,
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
    ...(key
      ? { eventId: (index: number) => deterministicUuid(`${key.scope}/${key.key}/${index}`) }
      : {}),
  };
}
