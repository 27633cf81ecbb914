import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import { CustomerOrdersReader } from '../customer-orders.reader.js';
import { ListOrdersDto } from './list-orders.dto.js';
import { decodeOrderCursor, encodeOrderCursor } from '@customer-workspace/read-models';
import { OrderListView } from './order-list.view.js';

/**
 * The orders the caller placed for a customer, with each subscription's current status, read
 * from the customer's stream. Other partners' orders are never shown; another partner's
 * customer, or an unknown id, answers 404.
 */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/customers')
export class ListOrdersController {
  constructor(private readonly orders: CustomerOrdersReader) {}

  @Get(':id/orders')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'The customer’s orders placed by the caller, oldest first, with subscription status',
  })
  @ApiOkResponse({ type: OrderListView })
  @ApiProblems(400, 401, 403, 404)
  async list(
    @Param('id') id: string,
    @Query() query: ListOrdersDto,
    @Caller() caller: Principal,
  ): Promise<OrderListView> {
    const after = query.cursor === undefined ? -1n : decodeOrderCursor(query.cursor);
    const { limit } = query;
    const records = await this.orders.ordersOf(id, caller.partnerId);
    const rest = records.filter((record) => record.revision > after);
    const page = rest.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((record) => record.order),
      nextCursor: rest.length > limit && last ? encodeOrderCursor(last.revision) : null,
      total: records.length,
    };
  }
}
