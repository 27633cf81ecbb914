import { Module } from '@nestjs/common';
import { ChangeSubscriptionController } from './change-subscription/change-subscription.controller.js';
import { ChangeSubscriptionHandler } from './change-subscription/change-subscription.command.js';
import { CreateOrderController } from './create-order/create-order.controller.js';
import { CreateOrderHandler } from './create-order/create-order.command.js';
import { ListOrdersController } from './list-orders/list-orders.controller.js';
import { ListOrdersHandler } from './list-orders/list-orders.query.js';

/** Routes of the orders use cases (each use case in a folder of its own). */
@Module({
  controllers: [CreateOrderController, ListOrdersController, ChangeSubscriptionController],
  providers: [CreateOrderHandler, ChangeSubscriptionHandler, ListOrdersHandler],
})
export class OrdersModule {}
