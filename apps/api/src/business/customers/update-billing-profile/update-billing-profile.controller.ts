import { Body, Controller, Headers, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { BillingProfileDto } from '../customer-profile.dto.js';
import { CustomerView } from '../customer.view.js';
import { customerAnswerSealing } from '../customer-answer.sealing.js';
import { SealedAnswer } from '../../../platform/idempotency/sealed-answer.js';
import { versionFromIfMatch } from './if-match.js';
import {
  UpdateBillingProfileCommand,
  type UpdateBillingProfileResult,
} from './update-billing-profile.command.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class UpdateBillingProfileController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/billing-profile')
  @Roles('admin-agent', 'sales-agent', 'helpdesk-agent')
  @SealedAnswer(customerAnswerSealing)
  @ApiOperation({
    summary: 'Replace the billing profile, if it is still the version the caller read',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the billing profile, e.g. "0"',
  })
  @ApiOkResponse({
    type: CustomerView,
    description: 'The customer with the new billing profile; the new `ETag`',
  })
  @ApiProblems(400, 401, 403, 404, 412, 428)
  async update(
    @Param('id') id: string,
    @Body() body: BillingProfileDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpdateBillingProfileResult['view']> {
    const expectedVersion = versionFromIfMatch(ifMatch);
    const result = await this.commands.execute<
      UpdateBillingProfileCommand,
      UpdateBillingProfileResult
    >(
      new UpdateBillingProfileCommand(
        id,
        body,
        expectedVersion,
        caller,
        requestContext(request, caller, new Date(), id),
      ),
    );
    void reply.header('ETag', result.etag);
    return result.view;
  }
}
