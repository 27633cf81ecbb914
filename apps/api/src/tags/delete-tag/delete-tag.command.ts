import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import { type DeleteTag, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { CommandPosition } from '../../commands/command-response.js';
import type { RequestContext } from '../../commands/command-context.js';

/** Remove a tag from the caller’s catalog (`DELETE /v1/tags/{tagId}`). */
export class DeleteTagCommand {
  constructor(
    readonly tagId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** The decider re-checks that the tag is still in the catalog, so a conflict is safe to retry. */
const RETRIES_ON_CONFLICT = 5;

/** Appends TagDeleted to the caller’s partner stream; an unknown tag is 404. */
@HandlesCommand(DeleteTagCommand)
export class DeleteTagHandler implements ICommandHandler<DeleteTagCommand, CommandPosition> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ tagId, caller, request }: DeleteTagCommand): Promise<CommandPosition> {
    const command: DeleteTag = { type: 'DeleteTag', data: { partnerId: caller.partnerId, tagId } };
    const result = await this.commands.handle(
      partnerDecider,
      partnerStream(caller.partnerId),
      command,
      request.context,
      { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    return { position: result.position.toString() };
  }
}
