import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import {
  checkTarget,
  type TargetPolicy,
  type UpdateWebhook,
  webhookDecider,
  webhookStream,
} from '@customer-workspace/webhooks';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { WEBHOOK_TARGET_POLICY } from '../webhook-settings.js';
import { type ChangedWebhookView, WebhookView } from '../webhook.view.js';
import type { UpdateWebhookDto } from './update-webhook.dto.js';

/** Change an endpoint of the caller's (`PATCH /v1/webhooks/{id}`). */
export class UpdateWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly body: UpdateWebhookDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** A new URL is checked as at creation; the decider records only what changes. */
@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<
  UpdateWebhookCommand,
  ChangedWebhookView
> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(WEBHOOK_TARGET_POLICY) private readonly policy: TargetPolicy,
  ) {}

  async execute({
    webhookId,
    body,
    caller,
    request,
  }: UpdateWebhookCommand): Promise<ChangedWebhookView> {
    const { partnerId } = caller;
    if (body.url !== undefined) await checkTarget(body.url, this.policy);
    const { url, events, description, status } = body;
    const command: UpdateWebhook = {
      type: 'UpdateWebhook',
      data: {
        webhookId,
        partnerId,
        ...(url === undefined ? {} : { url }),
        ...(events === undefined ? {} : { events }),
        ...(description === undefined ? {} : { description }),
        ...(status === undefined ? {} : { status }),
      },
    };
    return this.runner.answer(
      { decider: webhookDecider, streamId: webhookStream(webhookId), command, ...request },
      ({ state }) => WebhookView.of(state, webhookId, partnerId),
    );
  }
}
