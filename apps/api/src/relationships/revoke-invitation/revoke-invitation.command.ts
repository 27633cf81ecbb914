import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  invitationDecider,
  invitationStream,
  type RevokeInvitation,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import type { CommandPosition } from '../../commands/command-response.js';

export class RevokeInvitationCommand {
  constructor(
    readonly invitationId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Withdraws a pending invitation of the caller's; another partner's answers not-found. */
@HandlesCommand(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<
  RevokeInvitationCommand,
  CommandPosition
> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({
    invitationId,
    caller,
    request,
  }: RevokeInvitationCommand): Promise<CommandPosition> {
    const command: RevokeInvitation = {
      type: 'RevokeInvitation',
      data: { invitationId, partnerId: caller.partnerId },
    };
    const result = await this.commands.handle(
      invitationDecider,
      invitationStream(invitationId),
      command,
      request.context,
      request,
    );
    return { position: result.position.toString() };
  }
}
