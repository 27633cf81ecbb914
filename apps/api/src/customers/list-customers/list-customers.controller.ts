import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CUSTOMER_LIST, queryCustomerList } from '@customer-workspace/read-models';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import { toInstant } from '../../read-models/is-instant.validator.js';
import { minPositionOf } from '../../read-models/min-position.dto.js';
import { ReadModelsService } from '../../read-models/read-models.service.js';
import { CustomerListView } from './customer-list.view.js';
import { ListCustomersDto } from './list-customers.dto.js';

/** The caller's customer list from the customer-list read model (PRODUCT.md rule 1). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class ListCustomersController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get()
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'The customer list: one row per relationship; search, filters, sort, asOf, paging',
  })
  @ApiOkResponse({ type: CustomerListView })
  @ApiProblems(400, 401, 403, 503)
  async list(
    @Query() query: ListCustomersDto,
    @Caller() caller: Principal,
  ): Promise<CustomerListView> {
    const runner = await this.readModels.caughtUp(CUSTOMER_LIST, minPositionOf(query));
    return queryCustomerList(runner.reader(), {
      partnerId: caller.partnerId,
      sort: query.sort,
      limit: query.limit,
      ...(query.q !== undefined && { q: query.q }),
      ...(query.relationship !== undefined && { relationship: query.relationship }),
      ...(query.tag !== undefined && { tag: query.tag }),
      ...(query.asOf !== undefined && { asOf: toInstant(query.asOf) }),
      ...(query.cursor !== undefined && { cursor: query.cursor }),
    });
  }
}
