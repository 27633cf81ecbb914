import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  invitationDecider,
  invitationStream,
  type RevokeInvitation,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { CommandPosition } from '../../../platform/commands/command-response.js';

export class RevokeInvitationCommand {
  constructor(
    readonly invitationId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Withdraws a pending invitation of the caller's; another partner's answers not-found. */
@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<
  RevokeInvitationCommand,
  CommandPosition
> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({
    invitationId,
    caller,
    request,
  }: RevokeInvitationCommand): Promise<CommandPosition> {
    const command: RevokeInvitation = {
      type: 'RevokeInvitation',
      data: { invitationId, partnerId: caller.partnerId },
    };
    const streamId = invitationStream(invitationId);
    return this.runner.answer(
      { decider: invitationDecider, streamId, command, ...request },
      () => ({}),
    );
  }
}
