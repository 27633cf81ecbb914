import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { CreatedOrderView } from '../order.view.js';
import { CreateOrderCommand } from './create-order.command.js';
import { CreateOrderDto } from './create-order.dto.js';

/** `POST /v1/customers/{id}/orders`: every partner role may order (docs/product.md#roles). */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/customers')
export class CreateOrderController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/orders')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'Place an order under one of the caller’s relationships with the customer',
    description:
      'Each line item becomes an active subscription; the order is `completed` at once. ' +
      'An indirect provider names the indirect reseller on record on every line item ' +
      '(`partnerIdOnRecord`), which must be the customer’s indirect reseller (422 otherwise); ' +
      'no other relationship may name one (400).',
  })
  @ApiCreatedResponse({
    type: CreatedOrderView,
    description: 'The order with its subscription ids, and the `position` of its event',
  })
  @ApiProblems(400, 401, 403, 404, 409, 413, 422)
  create(
    @Param('id') id: string,
    @Body() body: CreateOrderDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CreatedOrderView> {
    return this.commands.execute<CreateOrderCommand, CreatedOrderView>(
      new CreateOrderCommand(
        id,
        body,
        caller,
        requestContext(request, caller, new Date(), id),
        request.idempotencyKey,
      ),
    );
  }
}
