import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { SecretResponse } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { requestOrigin } from './acceptance-url.js';
import { InvitationDraftView } from './invitation-draft.view.js';
import { InviteResellerCommand } from './invite-reseller.command.js';
import { InviteResellerDto } from './invite-reseller.dto.js';

@ApiTags('relationships')
@ApiBearerAuth()
@Controller('v1/relationship-requests')
export class InviteResellerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @SecretResponse()
  @Roles('admin-agent', 'sales-agent')
  @ApiOperation({
    summary: 'Request a reseller relationship: an email draft with a single-use, expiring URL',
    description:
      'A targeted invitation names an existing customer of the caller’s; without `customerId` ' +
      'it is a *New relationship* invitation. An indirect reseller may invite together with ' +
      'its indirect provider. The URL’s `token` is shown in this response only: the api keeps ' +
      'just its SHA-256 hash.',
  })
  @ApiCreatedResponse({ type: InvitationDraftView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  invite(
    @Body() body: InviteResellerDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<InvitationDraftView> {
    return this.commands.execute(
      new InviteResellerCommand(
        body,
        caller,
        requestContext(request, caller, new Date(), body.customerId),
        requestOrigin(request),
      ),
    );
  }
}
