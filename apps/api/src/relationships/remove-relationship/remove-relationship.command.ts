import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  customerStream,
  type Relationship,
  type RemoveRelationship,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import type { CommandPosition } from '../../commands/command-response.js';
import type { AttestationDto } from './remove-relationship.dto.js';

export class RemoveRelationshipCommand {
  constructor(
    readonly customerId: string,
    readonly relationship: Relationship,
    readonly attestation: AttestationDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Every rule (own relationship, attestation, no live subscriptions) is checked by the decider
 * on the current state, so a conflict with another partner's write is safe to retry.
 */
const RETRIES_ON_CONFLICT = 5;

/** Ends one of the caller's relationships with the customer (and its DAP); GDAP is untouched. */
@HandlesCommand(RemoveRelationshipCommand)
export class RemoveRelationshipHandler implements ICommandHandler<
  RemoveRelationshipCommand,
  CommandPosition
> {
  constructor(private readonly commands: CommandHandler) {}

  async execute(removal: RemoveRelationshipCommand): Promise<CommandPosition> {
    const { customerId, relationship, attestation, caller, request } = removal;
    const command: RemoveRelationship = {
      type: 'RemoveRelationship',
      data: { customerId, partnerId: caller.partnerId, relationship, attestation },
    };
    const result = await this.commands.handle(
      customerDecider,
      customerStream(customerId),
      command,
      request.context,
      { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    return { position: result.position.toString() };
  }
}
