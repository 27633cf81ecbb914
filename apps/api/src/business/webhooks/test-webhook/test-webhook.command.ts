import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type EventIdSource } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import {
  deliveryIdOf,
  type RequestWebhookTest,
  webhookDecider,
  webhookStream,
} from '@customer-workspace/webhooks';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { TestDeliveryView } from './test-delivery.view.js';

/** Ask for one `test-created` delivery to an endpoint (`POST /v1/webhooks/{id}/test`). */
export class TestWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Appends WebhookTestRequested with an event id chosen here (the request's, with an
 * Idempotency-Key; else a fresh one), so the answer can name the delivery it will cause: its
 * `webhook-id` is derived from that event and the endpoint. A disabled endpoint: 409.
 */
@CommandHandler(TestWebhookCommand)
export class TestWebhookHandler implements ICommandHandler<TestWebhookCommand, TestDeliveryView> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ webhookId, caller, request }: TestWebhookCommand): Promise<TestDeliveryView> {
    const command: RequestWebhookTest = {
      type: 'RequestWebhookTest',
      data: { webhookId, partnerId: caller.partnerId },
    };
    const eventId = request.eventId ?? freshEventId();
    return this.runner.answer(
      {
        decider: webhookDecider,
        streamId: webhookStream(webhookId),
        command,
        ...request,
        eventId,
      },
      () => ({ deliveryId: deliveryIdOf(eventId(0), webhookId) }),
    );
  }
}

/** One random id, the same at every call: the id of the one event of this request. */
function freshEventId(): EventIdSource {
  const id = randomUUID();
  return (index) => (index === 0 ? id : `${id}/${index}`);
}
