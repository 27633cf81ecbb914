import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, StreamView } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { type WebhookState, webhookStream } from '@customer-workspace/webhooks';
import { WebhookView } from '../webhook.view.js';
import { webhookFold } from './webhook.fold.js';

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
  private readonly view: StreamView<WebhookState>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.view = new StreamView(store, webhookFold);
  }

  async execute({ webhookId, caller }: GetWebhookQuery): Promise<WebhookView> {
    const { state } = await this.view.load(webhookStream(webhookId));
    return WebhookView.of(state, webhookId, caller.partnerId);
  }
}
