import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CreateTag,
  partnerDecider,
  partnerStream,
  partnerTag,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import type { CreatedTagView } from '../tag.view.js';

/** Create a tag in the caller’s catalog (`POST /v1/tags`). */
export class CreateTagCommand {
  constructor(
    readonly name: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * The decider re-checks the name and id against the catalog it loads, so losing a race with
 * another write to the partner stream (another tag, an export) is safe to retry.
 */
const RETRIES_ON_CONFLICT = 5;

/** Appends TagCreated with a generated tag id to the caller’s partner stream. */
@HandlesCommand(CreateTagCommand)
export class CreateTagHandler implements ICommandHandler<CreateTagCommand, CreatedTagView> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ name, caller, request }: CreateTagCommand): Promise<CreatedTagView> {
    const tagId = request.newId('tag');
    const command: CreateTag = {
      type: 'CreateTag',
      data: { partnerId: caller.partnerId, tagId, name },
    };
    const result = await this.commands.handle(
      partnerDecider,
      partnerStream(caller.partnerId),
      command,
      request.context,
      { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    const tag = partnerTag(result.state, tagId);
    if (tag === undefined) throw new Error('CreateTag left no tag');
    return { id: tag.tagId, name: tag.name, position: result.position.toString() };
  }
}
