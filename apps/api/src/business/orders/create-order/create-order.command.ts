import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CreateOrder,
  customerDecider,
  customerStream,
  OrderAlreadyExists,
  type OrderLineItem,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { canonicalJson } from '../../../platform/idempotency/fingerprint.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { type CreatedOrderView, OrderView } from '../order.view.js';
import type { CreateOrderDto, OrderLineItemDto } from './create-order.dto.js';
import { orderIds } from './order-ids.js';

/** Place an order for a customer on behalf of the caller (`POST /v1/customers/{id}/orders`). */
export class CreateOrderCommand {
  constructor(
    readonly customerId: string,
    readonly body: CreateOrderDto,
    readonly caller: Principal,
    readonly request: RequestContext,
    readonly idempotencyKey?: IdempotentRequest['idempotencyKey'],
  ) {}
}

/** Chooses the order and subscription ids, then lets the customer decider place the order. */
@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand, CreatedOrderView> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ customerId, body, caller, request, idempotencyKey }: CreateOrderCommand) {
    const command = createOrder(customerId, caller.partnerId, body, idempotencyKey);
    const context = { ...request.context, customerId };
    const streamId = customerStream(customerId);
    return this.runner.answer(
      { decider: customerDecider, streamId, command, ...request, context },
      ({ events, replayed }) => {
        // A retry of a stored order is answered from the events its first attempt stored.
        const created = (replayed?.events ?? events).find((event) => event.type === 'OrderCreated');
        // A replay that is not this order: the key's first attempt stored another order (or,
        // its answer lost, another command under the same key). The order id stays taken.
        if (replayed && (!created || !sameOrder(created.data, command)))
          throw new OrderAlreadyExists(command.data.orderId);
        if (!created) throw new Error('CreateOrder stored no OrderCreated');
        return OrderView.of(
          created.data,
          replayed?.metadata.occurredAt ?? context.occurredAt,
          () => 'active',
        );
      },
    );
  }
}

function createOrder(
  customerId: string,
  partnerId: string,
  body: CreateOrderDto,
  idempotencyKey: CreateOrderCommand['idempotencyKey'],
): CreateOrder {
  const { orderId, subscriptionIds } = orderIds(customerId, body.lineItems.length, idempotencyKey);
  const lineItems = body.lineItems.map((item, i) => lineItem(item, subscriptionIds[i] as string));
  const { catalog, relationship } = body;
  return {
    type: 'CreateOrder',
    data: {
      customerId,
      partnerId,
      orderId,
      catalog,
      ...(relationship === undefined ? {} : { relationship }),
      lineItems,
    },
  };
}

/** The line item as the domain records it: absent optional fields stay absent. */
function lineItem(item: OrderLineItemDto, subscriptionId: string): OrderLineItem {
  const { offerId, quantity, termDuration, friendlyName, partnerIdOnRecord } = item;
  return {
    offerId,
    quantity,
    ...(termDuration === undefined ? {} : { termDuration }),
    ...(friendlyName === undefined ? {} : { friendlyName }),
    ...(partnerIdOnRecord === undefined ? {} : { partnerIdOnRecord }),
    subscriptionId,
  };
}

/** The stored order is the one this command would place (a retry, not a key reused). */
function sameOrder(stored: CreateOrder['data'], command: CreateOrder): boolean {
  const { catalog, relationship, lineItems } = command.data;
  return (
    stored.catalog === catalog &&
    (relationship === undefined || stored.relationship === relationship) &&
    canonicalJson(stored.lineItems) === canonicalJson(lineItems)
  );
}
