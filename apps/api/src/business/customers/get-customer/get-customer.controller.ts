import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { CustomerDetailView } from '../customer.view.js';
import { MinPositionDto, minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { GetCustomerQuery } from './get-customer.query.js';

/** One customer with its billing profile's ETag; another partner's, or an unknown id: 404. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class GetCustomerController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary:
      'One customer with its relationships to the caller, tags, billing profile (ETag) and ' +
      'GDAP relationships',
    description:
      '`minPosition` waits (bounded) for the GDAP relationships to show a command’s position; ' +
      'the rest is read from the customer’s stream, always current.',
  })
  @ApiOkResponse({ type: CustomerDetailView })
  @ApiProblems(401, 403, 404)
  async get(
    @Param('id') id: string,
    @Query() query: MinPositionDto,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerDetailView> {
    const { customer, etag } = await this.queries.execute(
      new GetCustomerQuery(id, caller, minPositionOf(query)),
    );
    void reply.header('ETag', etag);
    return customer;
  }
}
