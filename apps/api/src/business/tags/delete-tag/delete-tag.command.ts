import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type DeleteTag, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { CommandPosition } from '../../../platform/commands/command-response.js';
import type { RequestContext } from '../../../platform/commands/command-context.js';

/** Remove a tag from the caller’s catalog (`DELETE /v1/tags/{tagId}`). */
export class DeleteTagCommand {
  constructor(
    readonly tagId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Appends TagDeleted to the caller’s partner stream; an unknown tag is 404. */
@CommandHandler(DeleteTagCommand)
export class DeleteTagHandler implements ICommandHandler<DeleteTagCommand, CommandPosition> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ tagId, caller, request }: DeleteTagCommand): Promise<CommandPosition> {
    const command: DeleteTag = { type: 'DeleteTag', data: { partnerId: caller.partnerId, tagId } };
    const streamId = partnerStream(caller.partnerId);
    return this.runner.answer(
      { decider: partnerDecider, streamId, command, ...request },
      () => ({}),
    );
  }
}
