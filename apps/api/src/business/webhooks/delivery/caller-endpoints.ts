import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, StreamView } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import {
  type RegisteredWebhook,
  type WebhookDelivery,
  WebhookNotFound,
  type WebhookState,
  webhookStream,
} from '@customer-workspace/webhooks';
import { webhookFold } from '../get-webhook/webhook.fold.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

/** An endpoint of the caller's, and the delivery once it has planned all the endpoint did. */
export interface PlannedEndpoint {
  readonly endpoint: RegisteredWebhook;
  readonly delivery: WebhookDelivery;
}

/**
 * The caller's endpoint for the delivery routes (log, replay): read from its own stream, so a
 * foreign, deleted or unknown one is not found at once (404); then the delivery is waited for
 * until it has planned that stream's last event and `minPosition`, so a replay just after an
 * endpoint was enabled or changed acts on what the caller sees.
 */
@Injectable()
export class CallerEndpoints {
  private readonly view: StreamView<WebhookState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly deliveries: WebhookDeliveryService,
  ) {
    this.view = new StreamView(store, webhookFold);
  }

  async planned(
    webhookId: string,
    caller: Principal,
    minPosition?: bigint,
  ): Promise<PlannedEndpoint> {
    const { state, position } = await this.view.load(webhookStream(webhookId));
    if (state.status !== 'registered' || state.webhook.partnerId !== caller.partnerId)
      throw new WebhookNotFound(webhookId);
    const wanted = minPosition !== undefined && minPosition > position ? minPosition : position;
    return { endpoint: state.webhook, delivery: await this.deliveries.caughtUp(wanted) };
  }
}
