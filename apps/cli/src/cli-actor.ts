import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import {
  type PartnerCommand,
  partnerDecider,
  partnerStream,
  schemaVersionOf,
} from '@customer-workspace/customers';
import {
  CommandRunner,
  type CommandContext,
  type EventStore,
} from '@customer-workspace/event-store';

/**
 * Who an operator command is recorded as (docs/product.md rule 4): the operating-system user on this
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

/**
 * Records a command of the partner aggregate (an export) as the operator; it only appends, so
 * losing a race on the partner stream is retried. Returns the global position of its event.
 */
export async function recordAsOperator(
  store: EventStore,
  partnerId: string,
  command: PartnerCommand,
): Promise<bigint> {
  const { position } = await new CommandRunner(store, undefined, { schemaVersionOf }).run({
    decider: partnerDecider,
    streamId: partnerStream(partnerId),
    command,
    context: cliCommandContext(partnerId),
  });
  return position;
}
