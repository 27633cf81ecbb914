import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { CustomerView } from '../customer.view.js';
import { customerAnswerSealing } from '../customer-answer.sealing.js';
import { SealedAnswer } from '../../../platform/idempotency/sealed-answer.js';
import { AddCustomerCommand, type AddCustomerResult } from './add-customer.command.js';
import { AddCustomerDto } from './add-customer.dto.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class AddCustomerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin-agent', 'sales-agent')
  @SealedAnswer(customerAnswerSealing)
  @ApiOperation({
    summary: 'Add a new customer; the caller becomes its direct reseller ("Cloud reseller")',
  })
  @ApiCreatedResponse({
    type: CustomerView,
    description:
      'The customer, with the `position` of its last event; `ETag` of its billing profile',
  })
  @ApiProblems(400, 401, 403, 413, 422)
  async add(
    @Body() body: AddCustomerDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddCustomerResult['view']> {
    const result = await this.commands.execute<AddCustomerCommand, AddCustomerResult>(
      new AddCustomerCommand(body, caller, requestContext(request, caller, new Date())),
    );
    void reply.header('ETag', result.etag).header('Location', `/v1/customers/${result.view.id}`);
    return result.view;
  }
}
