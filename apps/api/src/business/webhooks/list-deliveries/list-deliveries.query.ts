import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { positionCursor } from '../delivery/position-cursor.js';
import { CallerEndpoints } from '../delivery/caller-endpoints.js';
import { DeliveryPageView, DeliveryView } from './delivery.view.js';
import type { ListDeliveriesDto } from './list-deliveries.dto.js';

/** A page of one endpoint's delivery log (`GET /v1/webhooks/{id}/deliveries`). */
export class ListDeliveriesQuery extends Query<DeliveryPageView> {
  constructor(
    readonly webhookId: string,
    readonly request: ListDeliveriesDto,
    readonly caller: Principal,
  ) {
    super();
  }
}

/** Answers from the outbox, newest first, once it has planned what the endpoint did. */
@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery, DeliveryPageView> {
  constructor(private readonly endpoints: CallerEndpoints) {}

  async execute({ webhookId, request, caller }: ListDeliveriesQuery): Promise<DeliveryPageView> {
    const { delivery } = await this.endpoints.planned(webhookId, caller, minPositionOf(request));
    const { items, total } = delivery.outbox.deliveriesOf(webhookId, {
      limit: request.limit + 1,
      ...(request.state !== undefined && { state: request.state }),
      ...(request.cursor !== undefined && { beforePosition: positionCursor(request.cursor) }),
    });
    const page = items.slice(0, request.limit);
    const more = items.length > request.limit;
    return {
      items: page.map((item) => DeliveryView.of(item)),
      nextCursor: more ? (page.at(-1)?.position.toString() ?? null) : null,
      total,
    };
  }
}
