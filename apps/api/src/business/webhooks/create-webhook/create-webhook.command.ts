import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { knownPartner, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandRunner, type ReplayedCommand } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import {
  checkTarget,
  type CreateWebhook,
  newWebhookSecret,
  SecretSealer,
  type TargetPolicy,
  webhookDecider,
  type WebhookEvent,
  webhookStream,
} from '@customer-workspace/webhooks';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { WEBHOOK_TARGET_POLICY } from '../webhook-settings.js';
import { type CreatedWebhookView, WebhookView } from '../webhook.view.js';
import type { CreateWebhookDto } from './create-webhook.dto.js';

/** Register an endpoint of the caller's (`POST /v1/webhooks`). */
export class CreateWebhookCommand {
  constructor(
    readonly body: CreateWebhookDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Checks the URL under the deployment's policy, draws the endpoint's secret and appends
 * WebhookCreated with the secret sealed for this endpoint: the answer is the one place the
 * secret is shown in clear. A registered partner only (`PartnerNotFound` otherwise).
 */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<
  CreateWebhookCommand,
  CreatedWebhookView
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly sealer: SecretSealer,
    @Inject(WEBHOOK_TARGET_POLICY) private readonly policy: TargetPolicy,
  ) {}

  async execute({ body, caller, request }: CreateWebhookCommand): Promise<CreatedWebhookView> {
    const { partnerId } = caller;
    knownPartner(
      (await this.runner.load(partnerDecider, partnerStream(partnerId))).state,
      partnerId,
    );
    await checkTarget(body.url, this.policy);
    const webhookId = request.newId('webhook');
    const secret = newWebhookSecret();
    const { url, events, description } = body;
    const command: CreateWebhook = {
      type: 'CreateWebhook',
      data: {
        webhookId,
        partnerId,
        url,
        events,
        ...(description === undefined ? {} : { description }),
        secret: this.sealer.seal(secret, webhookId),
      },
    };
    return this.runner.answer(
      { decider: webhookDecider, streamId: webhookStream(webhookId), command, ...request },
      ({ state, replayed }) => ({
        ...WebhookView.of(state, webhookId, partnerId),
        // A retry of a creation stored but never answered: its own secret, opened again.
        secret: replayed ? this.storedSecret(replayed, webhookId) : secret,
      }),
    );
  }

  private storedSecret({ events }: ReplayedCommand<WebhookEvent>, webhookId: string): string {
    const created = events.find((event) => event.type === 'WebhookCreated');
    if (!created) throw new Error(`The creation of webhook ${webhookId} stored no WebhookCreated`);
    return this.sealer.open(created.data.secret, webhookId);
  }
}
