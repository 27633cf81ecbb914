import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { Clock } from '../../../platform/clock/clock.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import {
  type IdempotentRequest,
  SecretResponse,
} from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { requestOrigin } from '../../relationships/invite-reseller/acceptance-url.js';
import { GdapRequestCommand } from './gdap-request.command.js';
import { GdapRequestDto } from './gdap-request.dto.js';
import { GdapRequestView, holdsApprovalUrl } from './gdap-request.view.js';

/** `POST /v1/gdap-relationships/{id}/requests` (admin-agent). */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships')
export class GdapRequestController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post(':id/requests')
  @Roles('admin-agent')
  @SecretResponse(holdsApprovalUrl)
  @ApiOperation({
    summary: 'Lock a created relationship for approval, or terminate one',
    description:
      '`lockForApproval` (only while `created`: 409 otherwise) answers `approvalPending` with ' +
      'the approval URL, shown only here, and `expiresAt` (90 days). `terminate` ends a ' +
      'relationship that has not ended (409 `gdap-relationship-already-ended` otherwise).',
  })
  @ApiCreatedResponse({ type: GdapRequestView })
  @ApiProblems(400, 401, 403, 404, 409)
  request(
    @Param('id') id: string,
    @Body() body: GdapRequestDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<GdapRequestView> {
    const context = requestContext(request, caller, this.clock.now());
    return this.commands.execute(
      new GdapRequestCommand(id, body.action, caller, context, requestOrigin(request)),
    );
  }
}
