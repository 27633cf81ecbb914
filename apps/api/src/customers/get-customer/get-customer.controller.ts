import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { customerDecider, customerStream, visibleCustomer } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import { billingProfileEtag, CustomerView } from '../customer.view.js';

/**
 * One customer, read from its own stream (always current; the list and search come from the
 * read models). Another partner's customer, or an unknown id, answers 404.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class GetCustomerController {
  constructor(private readonly runner: CommandRunner) {}

  @Get(':id')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'One customer with its relationships to the caller, tags and billing profile (ETag)',
  })
  @ApiOkResponse({ type: CustomerView })
  @ApiProblems(401, 403, 404)
  async get(
    @Param('id') id: string,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView> {
    const { state } = await this.runner.load(customerDecider, customerStream(id));
    const customer = visibleCustomer(state, { customerId: id, partnerId: caller.partnerId });
    void reply.header('ETag', billingProfileEtag(customer));
    return CustomerView.of(customer, caller.partnerId);
  }
}
