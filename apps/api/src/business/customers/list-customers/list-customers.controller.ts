import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { CustomerListView } from './customer-list.view.js';
import { ListCustomersDto } from './list-customers.dto.js';
import { ListCustomersQuery } from './list-customers.query.js';

/** The caller's customer list from the customer-list read model (docs/product.md rule 1). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class ListCustomersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'The customer list: one row per relationship; search, filters, sort, asOf, paging',
  })
  @ApiOkResponse({ type: CustomerListView })
  @ApiProblems(400, 401, 403, 503)
  list(@Query() query: ListCustomersDto, @Caller() caller: Principal): Promise<CustomerListView> {
    return this.queries.execute(new ListCustomersQuery(query, caller));
  }
}
