import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATALOGS,
  RELATIONSHIPS,
  TERM_DURATIONS,
  type Catalog,
  type OrderCreated,
  type OrderLineItem,
  type Relationship,
  type SubscriptionStatus,
  type TermDuration,
} from '@customer-workspace/customers';

/**
 * An order is fulfilled the moment it is recorded: every line item's subscription is active at
 * once (there is no asynchronous provisioning here), so every order is `completed`.
 */
export const ORDER_STATUSES = ['completed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'cancelled'] as const;

/** One line of an order and the subscription it created. */
export class OrderLineItemView {
  @ApiProperty({ example: 'CFQ7TTC0LH18:0001' }) readonly offerId!: string;
  @ApiProperty({ minimum: 1, maximum: 10_000, example: 25 }) readonly quantity!: number;
  @ApiPropertyOptional({ enum: TERM_DURATIONS, example: 'P1Y' })
  readonly termDuration?: TermDuration;
  @ApiPropertyOptional({ example: 'Microsoft 365 E3 – Praha' }) readonly friendlyName?: string;
  @ApiPropertyOptional({
    description: 'The indirect reseller on record (orders of an indirect provider)',
    example: 'wingtip',
  })
  readonly partnerIdOnRecord?: string;
  @ApiProperty({ example: '5d0c7a2e-3b1f-4c8e-9f21-7a6b5c4d3e2f' })
  readonly subscriptionId!: string;
  @ApiProperty({
    enum: SUBSCRIPTION_STATUSES,
    example: 'active',
    description: 'The subscription’s current status',
  })
  readonly subscriptionStatus!: SubscriptionStatus;

  static of(item: OrderLineItem, status: SubscriptionStatus): OrderLineItemView {
    return { ...item, subscriptionStatus: status };
  }
}

/** An order the caller placed for a customer. */
export class OrderView {
  @ApiProperty({ example: '9b8f2c1d-4e5a-4b6c-8d7e-0f1a2b3c4d5e' }) readonly id!: string;
  @ApiProperty({ enum: ORDER_STATUSES, example: 'completed' }) readonly status!: OrderStatus;
  @ApiProperty({ enum: CATALOGS, example: 'online-services' }) readonly catalog!: Catalog;
  @ApiProperty({
    enum: RELATIONSHIPS,
    example: 'direct-reseller',
    description: 'The caller’s relationship the order was placed under',
  })
  readonly relationship!: Relationship;
  @ApiProperty({ format: 'date-time', example: '2026-03-01T09:30:00.000Z' })
  readonly createdAt!: string;
  @ApiProperty({ type: [OrderLineItemView] }) readonly lineItems!: OrderLineItemView[];

  /** The order an `OrderCreated` recorded, with each subscription's status as `statusOf` says. */
  static of(
    order: OrderCreated['data'],
    createdAt: string,
    statusOf: (subscriptionId: string) => SubscriptionStatus,
  ): OrderView {
    const { orderId, catalog, relationship, lineItems } = order;
    return {
      id: orderId,
      status: 'completed',
      catalog,
      relationship,
      createdAt,
      lineItems: lineItems.map((item) => OrderLineItemView.of(item, statusOf(item.subscriptionId))),
    };
  }
}

/** `POST /v1/customers/{id}/orders` answer: the order and the position of its event. */
export class CreatedOrderView extends OrderView {
  @ApiProperty({ description: 'Global position of the OrderCreated event', example: '42' })
  readonly position!: string;
}

/** `POST …/subscriptions/{sid}/suspend` and `/cancel` answer. */
export class SubscriptionChangeView {
  @ApiProperty({ example: '5d0c7a2e-3b1f-4c8e-9f21-7a6b5c4d3e2f' })
  readonly subscriptionId!: string;
  @ApiProperty({ enum: ['suspended', 'cancelled'], example: 'suspended' })
  readonly status!: SubscriptionStatus;
  @ApiProperty({ description: 'Global position of the event it appended', example: '43' })
  readonly position!: string;
}
