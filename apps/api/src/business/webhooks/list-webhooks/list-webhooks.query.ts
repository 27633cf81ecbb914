import { ApiProperty } from '@nestjs/swagger';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { positionCursor } from '../delivery/position-cursor.js';
import { WebhookDeliveryService } from '../delivery/webhook-delivery.service.js';
import { WebhookView } from '../webhook.view.js';
import type { ListWebhooksDto } from './list-webhooks.dto.js';

/** A page of the caller's webhook endpoints. */
export class WebhookPageView {
  @ApiProperty({ type: [WebhookView] }) readonly items!: WebhookView[];
  @ApiProperty({ nullable: true, type: String, example: '17' }) readonly nextCursor!: string | null;
  @ApiProperty({ example: 1 }) readonly total!: number;
}

/** The caller's endpoints (`GET /v1/webhooks`). */
export class ListWebhooksQuery extends Query<WebhookPageView> {
  constructor(
    readonly request: ListWebhooksDto,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Answers from the delivery's outbox, which keeps every endpoint as the log says (a new one
 * shows once it has been planned: `minPosition` waits for it), oldest first, never a secret.
 */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, WebhookPageView> {
  constructor(private readonly deliveries: WebhookDeliveryService) {}

  async execute({ request, caller }: ListWebhooksQuery): Promise<WebhookPageView> {
    const { outbox } = await this.deliveries.caughtUp(minPositionOf(request));
    const after = request.cursor === undefined ? undefined : positionCursor(request.cursor);
    const endpoints = outbox.endpointsOf(caller.partnerId, request.limit + 1, after);
    const page = endpoints.slice(0, request.limit);
    return {
      items: page.map((endpoint) => WebhookView.fromOutbox(endpoint)),
      nextCursor:
        endpoints.length > request.limit ? (page.at(-1)?.createdPosition.toString() ?? null) : null,
      total: outbox.countEndpointsOf(caller.partnerId),
    };
  }
}
