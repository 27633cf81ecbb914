import { Inject, Injectable } from '@nestjs/common';
import {
  customerStream,
  type CustomerEvent,
  type CustomerState,
  type ExistingCustomer,
  evolveCustomer,
  initialCustomerState,
  type OrderCreated,
  type SubscriptionStatus,
  visibleCustomer,
} from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { OrderView } from './order.view.js';

/** An order of the caller's, with where its `OrderCreated` event sits. */
export interface OrderRecord {
  readonly order: OrderView;
  /** Revision of `OrderCreated` in the customer stream: a stable place for list cursors. */
  readonly revision: bigint;
  /** Global position of `OrderCreated`. */
  readonly position: bigint;
}

/**
 * The caller's orders for one customer, read from the customer's own stream: the customer
 * state keeps subscriptions and order ids but not the line items, which only `OrderCreated`
 * carries. One pass folds the state (for visibility and each subscription's current status)
 * and collects the caller's `OrderCreated` events. Always current: no read model to wait for.
 * The orders list reads the orders read model; this stays for a retried order's answer
 * (`create-order.command.ts`), which must see the order its first attempt stored.
 */
@Injectable()
export class CustomerOrdersReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Oldest first; another partner's customer, or an unknown one, throws `CustomerNotFound`. */
  async ordersOf(customerId: string, partnerId: string): Promise<OrderRecord[]> {
    let state: CustomerState = initialCustomerState();
    const placed: {
      event: OrderCreated;
      occurredAt: string;
      revision: bigint;
      position: bigint;
    }[] = [];
    for await (const recorded of this.store.readStream(customerStream(customerId))) {
      const event = recorded as unknown as CustomerEvent;
      state = evolveCustomer(state, event);
      if (event.type === 'OrderCreated' && event.data.partnerId === partnerId) {
        const { revision, position, metadata } = recorded;
        placed.push({ event, occurredAt: metadata.occurredAt, revision, position });
      }
    }
    const customer = visibleCustomer(state, { customerId, partnerId });
    return placed.map(({ event, occurredAt, revision, position }) => ({
      order: OrderView.of(event.data, occurredAt, (id) => statusOf(customer, id)),
      revision,
      position,
    }));
  }
}

/** Every subscription of an `OrderCreated` is in the state the same stream folded into. */
const statusOf = (customer: ExistingCustomer, subscriptionId: string): SubscriptionStatus =>
  customer.subscriptions.get(subscriptionId)?.status ?? 'active';
