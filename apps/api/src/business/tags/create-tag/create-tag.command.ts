import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CreateTag,
  partnerDecider,
  partnerStream,
  partnerTag,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { CreatedTagView } from '../tag.view.js';

/** Create a tag in the caller’s catalog (`POST /v1/tags`). */
export class CreateTagCommand {
  constructor(
    readonly name: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Appends TagCreated with a generated tag id to the caller’s partner stream. */
@CommandHandler(CreateTagCommand)
export class CreateTagHandler implements ICommandHandler<CreateTagCommand, CreatedTagView> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ name, caller, request }: CreateTagCommand): Promise<CreatedTagView> {
    const tagId = request.newId('tag');
    const command: CreateTag = {
      type: 'CreateTag',
      data: { partnerId: caller.partnerId, tagId, name },
    };
    const streamId = partnerStream(caller.partnerId);
    return this.runner.answer(
      { decider: partnerDecider, streamId, command, ...request },
      ({ state }) => {
        const tag = partnerTag(state, tagId);
        if (tag === undefined) throw new Error('CreateTag left no tag');
        return { id: tag.tagId, name: tag.name };
      },
    );
  }
}
