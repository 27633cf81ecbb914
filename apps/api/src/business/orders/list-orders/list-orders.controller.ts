import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ListOrdersDto } from './list-orders.dto.js';
import { ListOrdersQuery } from './list-orders.query.js';
import { OrderListView } from './order-list.view.js';

/**
 * The orders the caller placed for a customer, with each subscription's current status, from
 * the orders read model. Other partners' orders are never shown; another partner's customer,
 * or an unknown id, answers 404.
 */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/customers')
export class ListOrdersController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/orders')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'The customer’s orders placed by the caller, oldest first, with subscription status',
  })
  @ApiOkResponse({ type: OrderListView })
  @ApiProblems(400, 401, 403, 404, 503)
  list(
    @Param('id') id: string,
    @Query() query: ListOrdersDto,
    @Caller() caller: Principal,
  ): Promise<OrderListView> {
    return this.queries.execute(new ListOrdersQuery(id, query, caller));
  }
}
