import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CreateOrder,
  customerDecider,
  customerStream,
  OrderAlreadyExists,
  type OrderLineItem,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import { canonicalJson } from '../../idempotency/fingerprint.js';
import type { IdempotentRequest } from '../../idempotency/idempotency.interceptor.js';
import { CustomerOrdersReader } from '../customer-orders.reader.js';
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

/**
 * Orders share the customer stream with tags, billing profile and other partners' writes, so
 * an append may lose a race (`WrongExpectedVersion`). Retrying is safe: the ids are chosen once,
 * before the retry loop, a lost race appended nothing, and every retry reloads the stream and
 * lets the decider check the relationship, the partner on record and id uniqueness again.
 */
const RETRIES_ON_CONFLICT = 5;

/** Chooses the order and subscription ids, then lets the customer decider place the order. */
@HandlesCommand(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand, CreatedOrderView> {
  constructor(
    private readonly commands: CommandHandler,
    private readonly orders: CustomerOrdersReader,
  ) {}

  async execute({
    customerId,
    body,
    caller,
    request,
    idempotencyKey,
  }: CreateOrderCommand): Promise<CreatedOrderView> {
    const command = createOrder(customerId, caller.partnerId, body, idempotencyKey);
    const context = { ...request.context, customerId };
    const options = { ...request, retriesOnConflict: RETRIES_ON_CONFLICT };
    const result = await this.commands
      .handle(customerDecider, customerStream(customerId), command, context, options)
      .catch((error: unknown) => {
        if (idempotencyKey && error instanceof OrderAlreadyExists) return undefined;
        throw error;
      });
    const created = result?.events.find((event) => event.type === 'OrderCreated');
    // No new event: this key's first attempt stored the order (the generic handler recognised
    // its event ids, or the decider its order id) but its answer was lost.
    if (!result || !created) return this.stored(command);
    const order = OrderView.of(created.data, context.occurredAt, () => 'active');
    return { ...order, position: result.position.toString() };
  }

  /**
   * The order this key placed in an earlier attempt that was stored but never answered: the
   * first result again. Anything else under that id (a key reused after a crash with another
   * body) stays a conflict.
   */
  private async stored(command: CreateOrder): Promise<CreatedOrderView> {
    const { customerId, partnerId, orderId } = command.data;
    const found = (await this.orders.ordersOf(customerId, partnerId)).find(
      (record) => record.order.id === orderId,
    );
    if (!found || !sameOrder(found.order, command)) throw new OrderAlreadyExists(orderId);
    return { ...found.order, position: found.position.toString() };
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

function sameOrder(stored: OrderView, command: CreateOrder): boolean {
  const { catalog, relationship, lineItems } = command.data;
  const storedItems = stored.lineItems.map(({ subscriptionStatus: _, ...item }) => item);
  return (
    stored.catalog === catalog &&
    (relationship === undefined || stored.relationship === relationship) &&
    canonicalJson(storedItems) === canonicalJson(lineItems)
  );
}
