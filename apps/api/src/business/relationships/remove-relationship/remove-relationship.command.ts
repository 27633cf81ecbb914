import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  customerStream,
  type Relationship,
  type RemoveRelationship,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { CommandPosition } from '../../../platform/commands/command-response.js';
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

/** Ends one of the caller's relationships with the customer (and its DAP); GDAP is untouched. */
@CommandHandler(RemoveRelationshipCommand)
export class RemoveRelationshipHandler implements ICommandHandler<
  RemoveRelationshipCommand,
  CommandPosition
> {
  constructor(private readonly runner: CommandRunner) {}

  async execute(removal: RemoveRelationshipCommand): Promise<CommandPosition> {
    const { customerId, relationship, attestation, caller, request } = removal;
    const command: RemoveRelationship = {
      type: 'RemoveRelationship',
      data: { customerId, partnerId: caller.partnerId, relationship, attestation },
    };
    const streamId = customerStream(customerId);
    return this.runner.answer(
      { decider: customerDecider, streamId, command, ...request },
      () => ({}),
    );
  }
}
