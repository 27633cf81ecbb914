import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { type DeleteWebhook, webhookDecider, webhookStream } from '@customer-workspace/webhooks';
import type { RequestContext } from '../../../platform/commands/command-context.js';

/** Delete an endpoint of the caller's (`DELETE /v1/webhooks/{id}`). */
export class DeleteWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Appends WebhookDeleted; afterwards the endpoint is not found, and its id is never reused. */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand, void> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ webhookId, caller, request }: DeleteWebhookCommand): Promise<void> {
    const command: DeleteWebhook = {
      type: 'DeleteWebhook',
      data: { webhookId, partnerId: caller.partnerId },
    };
    await this.runner.run({
      decider: webhookDecider,
      streamId: webhookStream(webhookId),
      command,
      ...request,
    });
  }
}
