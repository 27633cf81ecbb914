import { Module } from '@nestjs/common';
import { CancelSubscriptionController } from './cancel-subscription/cancel-subscription.controller.js';
import { CancelSubscriptionHandler } from './cancel-subscription/cancel-subscription.command.js';
import { CreateOrderController } from './create-order/create-order.controller.js';
import { CreateOrderHandler } from './create-order/create-order.command.js';
import { CustomerOrdersReader } from './customer-orders.reader.js';
import { ListOrdersController } from './list-orders/list-orders.controller.js';
import { ListOrdersHandler } from './list-orders/list-orders.query.js';
import { SuspendSubscriptionController } from './suspend-subscription/suspend-subscription.controller.js';
import { SuspendSubscriptionHandler } from './suspend-subscription/suspend-subscription.command.js';

/** Routes of the orders use cases (each use case in a folder of its own). */
@Module({
  controllers: [
    CreateOrderController,
    ListOrdersController,
    SuspendSubscriptionController,
    CancelSubscriptionController,
  ],
  providers: [
    CreateOrderHandler,
    SuspendSubscriptionHandler,
    CancelSubscriptionHandler,
    CustomerOrdersReader,
    ListOrdersHandler,
  ],
})
export class OrdersModule {}
