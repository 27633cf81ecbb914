import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import { WebhookView } from '../webhook.view.js';
import { WebhookStreams } from '../webhook-streams.js';

/** One endpoint of the caller's (`GET /v1/webhooks/{id}`). */
export class GetWebhookQuery extends Query<WebhookView> {
  constructor(
    readonly webhookId: string,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Answers from the endpoint's own stream, its fold kept per stream: always current (a change
 * just answered is read back at once), and no read model for it. Unknown, deleted or another
 * partner's: `WebhookNotFound` (404). The sealed secrets stay in the fold, never in the view.
 */
@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery, WebhookView> {
  constructor(private readonly streams: WebhookStreams) {}

  async execute({ webhookId, caller }: GetWebhookQuery): Promise<WebhookView> {
    const { state } = await this.streams.load(webhookId);
    return WebhookView.of(state, webhookId, caller.partnerId);
  }
}
