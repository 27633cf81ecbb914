import {
  type CustomerEvent,
  type CustomerState,
  evolveCustomer,
  initialCustomerState,
  type OrderCreated,
} from '@customer-workspace/customers';
import type { RecordedEvent, RecordedFold } from '@customer-workspace/event-store';

/** An `OrderCreated` as the list shows it: the order, when it was recorded and where. */
export interface PlacedOrder {
  readonly order: OrderCreated['data'];
  /** The event's `occurredAt`: the order's `createdAt`. */
  readonly createdAt: string;
  /** Its revision in the customer stream: a stable place for list cursors. */
  readonly revision: bigint;
}

/** Orders oldest first, as a list that shares its past (appending copies nothing). */
interface OrderLog {
  readonly order: PlacedOrder;
  readonly before: OrderLog | undefined;
}

/**
 * The customer stream folded for its orders list: the customer's own fold (visibility, each
 * subscription's current status) and every `OrderCreated` with its time and revision, which
 * only the recorded event carries.
 */
export interface CustomerOrders {
  readonly customer: CustomerState;
  readonly orders: OrderLog | undefined;
}

export const customerOrdersFold: RecordedFold<CustomerOrders> = {
  initialState: () => ({ customer: initialCustomerState(), orders: undefined }),
  evolve: (state, recorded: RecordedEvent) => {
    const event = recorded as RecordedEvent & CustomerEvent;
    const customer = evolveCustomer(state.customer, event);
    if (event.type !== 'OrderCreated') return { customer, orders: state.orders };
    const placed = {
      order: event.data,
      createdAt: recorded.metadata.occurredAt,
      revision: recorded.revision,
    };
    return { customer, orders: { order: placed, before: state.orders } };
  },
};

/** The orders `partnerId` placed, oldest first. */
export function ordersPlacedBy({ orders }: CustomerOrders, partnerId: string): PlacedOrder[] {
  const placed: PlacedOrder[] = [];
  for (let entry = orders; entry; entry = entry.before)
    if (entry.order.order.partnerId === partnerId) placed.push(entry.order);
  return placed.reverse();
}
