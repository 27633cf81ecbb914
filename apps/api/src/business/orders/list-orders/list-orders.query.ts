import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { customerStream, visibleCustomer } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore, StreamView } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { OrderView } from '../order.view.js';
import { type CustomerOrders, customerOrdersFold, ordersPlacedBy } from './customer-orders.fold.js';
import type { ListOrdersDto } from './list-orders.dto.js';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor.js';
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
 * Answers from the customer's own stream, folded for its orders and kept per stream, so a call
 * reads only the events appended since the last one: always current (no read model to wait
 * for, `minPosition` is reached by the read itself), and no projection for every command to
 * feed. Another partner's customer, or an unknown one, throws `CustomerNotFound` (404).
 */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, OrderListView> {
  private readonly view: StreamView<CustomerOrders>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.view = new StreamView(store, customerOrdersFold);
  }

  async execute({ customerId, request, caller }: ListOrdersQuery): Promise<OrderListView> {
    const after = request.cursor === undefined ? -1n : decodeOrderCursor(request.cursor);
    const { state } = await this.view.load(customerStream(customerId));
    const customer = visibleCustomer(state.customer, { customerId, partnerId: caller.partnerId });
    const placed = ordersPlacedBy(state, caller.partnerId);
    const rest = placed.filter((order) => order.revision > after);
    const page = rest.slice(0, request.limit);
    const last = page.at(-1);
    const statusOf = (id: string) => customer.subscriptions.get(id)?.status ?? 'active';
    return {
      items: page.map(({ order, createdAt }) => OrderView.of(order, createdAt, statusOf)),
      nextCursor: rest.length > request.limit && last ? encodeOrderCursor(last.revision) : null,
      total: placed.length,
    };
  }
}
