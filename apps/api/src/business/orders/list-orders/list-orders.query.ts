import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { customerStream } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { ORDERS, queryOrders } from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import { OrderView } from '../order.view.js';
import type { ListOrdersDto } from './list-orders.dto.js';
import type { OrderListView } from './order-list.view.js';

/** A page of the orders the caller placed for a customer (`GET /v1/customers/{id}/orders`). */
export class ListOrdersQuery extends Query<OrderListView> {
  constructor(
    readonly customerId: string,
    readonly request: ListOrdersDto,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Answers from the orders read model. The list used to fold the customer stream and was
 * always current; to stay so, it waits for the stream's last event (one event read, not the
 * whole stream) as well as for `minPosition`. Another partner's customer, or an unknown one,
 * throws `CustomerNotFound` (404).
 */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, OrderListView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModelsService,
  ) {}

  async execute({ customerId, request, caller }: ListOrdersQuery): Promise<OrderListView> {
    const wanted = latest(minPositionOf(request), await this.streamHead(customerId));
    const runner = await this.readModels.caughtUp(ORDERS, wanted);
    const page = queryOrders(runner.reader(), {
      customerId,
      partnerId: caller.partnerId,
      limit: request.limit,
      ...(request.cursor !== undefined && { cursor: request.cursor }),
    });
    return {
      items: page.items.map(({ order, createdAt, subscriptionStatuses }) =>
        OrderView.of(order, createdAt, (id) => subscriptionStatuses.get(id) ?? 'active'),
      ),
      nextCursor: page.nextCursor,
      total: page.total,
    };
  }

  /** The position of the customer stream's last event; undefined when there is no stream. */
  private async streamHead(customerId: string): Promise<bigint | undefined> {
    const options = { direction: 'backwards', maxCount: 1 } as const;
    for await (const event of this.store.readStream(customerStream(customerId), options)) {
      return event.position;
    }
    return undefined;
  }
}

const latest = (a: bigint | undefined, b: bigint | undefined): bigint | undefined =>
  a === undefined ? b : b === undefined || a > b ? a : b;
