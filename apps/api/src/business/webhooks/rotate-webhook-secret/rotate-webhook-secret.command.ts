import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import {
  newWebhookSecret,
  type RotateWebhookSecret,
  SecretSealer,
  webhookDecider,
  type WebhookEvent,
  type WebhookSecretRotated,
  webhookStream,
} from '@customer-workspace/webhooks';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { RotatedSecretView } from './rotated-secret.view.js';

/** Give an endpoint of the caller's a new secret (`POST /v1/webhooks/{id}/secret-rotation`). */
export class RotateWebhookSecretCommand {
  constructor(
    readonly webhookId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Draws a new secret and appends it sealed; the previous one keeps signing for the overlap the
 * decider sets. A retry of a rotation stored but never answered shows its own secret again.
 */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<
  RotateWebhookSecretCommand,
  RotatedSecretView
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly sealer: SecretSealer,
  ) {}

  async execute({
    webhookId,
    caller,
    request,
  }: RotateWebhookSecretCommand): Promise<RotatedSecretView> {
    const secret = newWebhookSecret();
    const command: RotateWebhookSecret = {
      type: 'RotateWebhookSecret',
      data: {
        webhookId,
        partnerId: caller.partnerId,
        secret: this.sealer.seal(secret, webhookId),
        at: request.context.occurredAt,
      },
    };
    return this.runner.answer(
      { decider: webhookDecider, streamId: webhookStream(webhookId), command, ...request },
      ({ events, replayed }) => {
        const rotated = rotationIn(replayed?.events ?? events, webhookId);
        return {
          secret: replayed ? this.sealer.open(rotated.data.secret, webhookId) : secret,
          previousSecretValidUntil: rotated.data.previousValidUntil,
        };
      },
    );
  }
}

function rotationIn(events: readonly WebhookEvent[], webhookId: string): WebhookSecretRotated {
  const rotated = events.find((event) => event.type === 'WebhookSecretRotated');
  if (!rotated) throw new Error(`The rotation of webhook ${webhookId} stored no new secret`);
  return rotated;
}
