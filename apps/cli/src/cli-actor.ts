import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { CommandContext } from '../../../libs/event-store/src/index.js';

/**
 * Who an operator command is recorded as (PRODUCT.md rule 4): the operating-system user on this
 * host, with the `operator` role, acting for `partnerId`.
 */
export function cliCommandContext(partnerId: string, now = new Date()): CommandContext {
  const correlationId = randomUUID();
  const user = userInfo().username;
  return {
    correlationId,
    causationId: correlationId,
    actor: { userId: `cli:${user}`, upn: `${user}@${hostname()}`, role: 'operator' },
    partnerId,
    occurredAt: now.toISOString(),
  };
}
