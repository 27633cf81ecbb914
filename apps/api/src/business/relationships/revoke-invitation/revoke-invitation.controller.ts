import { Controller, Delete, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { CommandPosition } from '../../../platform/commands/command-response.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { InvitationIdPipe } from '../invitation-id.pipe.js';
import { RevokeInvitationCommand } from './revoke-invitation.command.js';

@ApiTags('relationships')
@ApiBearerAuth()
@Controller('v1/relationship-requests')
export class RevokeInvitationController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @Roles('admin-agent', 'sales-agent')
  @ApiOperation({
    summary: 'Revoke a pending invitation: its URL stops working (410)',
    description: 'An accepted or already revoked invitation answers 409.',
  })
  @ApiOkResponse({ type: CommandPosition })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(
    @Param('id', InvitationIdPipe) id: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CommandPosition> {
    return this.commands.execute(
      new RevokeInvitationCommand(id, caller, requestContext(request, caller, new Date())),
    );
  }
}
