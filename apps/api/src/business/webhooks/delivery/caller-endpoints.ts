import { Injectable } from '@nestjs/common';
import type { Principal } from '@customer-workspace/auth';
import {
  type RegisteredWebhook,
  type WebhookDelivery,
  WebhookNotFound,
} from '@customer-workspace/webhooks';
import { WebhookStreams } from '../webhook-streams.js';
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
  constructor(
    private readonly streams: WebhookStreams,
    private readonly deliveries: WebhookDeliveryService,
  ) {}

  async planned(
    webhookId: string,
    caller: Principal,
    minPosition?: bigint,
  ): Promise<PlannedEndpoint> {
    const { state, position } = await this.streams.load(webhookId);
    if (state.status !== 'registered' || state.webhook.partnerId !== caller.partnerId)
      throw new WebhookNotFound(webhookId);
    const wanted = minPosition !== undefined && minPosition > position ? minPosition : position;
    return { endpoint: state.webhook, delivery: await this.deliveries.caughtUp(wanted) };
  }
}
