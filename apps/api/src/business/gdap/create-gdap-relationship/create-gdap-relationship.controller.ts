import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { Clock } from '../../../platform/clock/clock.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { GdapRelationshipChangedView } from '../gdap-relationship.view.js';
import { CreateGdapRelationshipCommand } from './create-gdap-relationship.command.js';
import { CreateGdapRelationshipDto } from './create-gdap-relationship.dto.js';

/** `POST /v1/gdap-relationships` (admin-agent). */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships')
export class CreateGdapRelationshipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Create a GDAP relationship (status created: editable until locked for approval)',
    description:
      'Durations from P1D to P2Y; autoExtendDuration PT0S or P180D, never with Global ' +
      'Administrator; roles from the Entra built-in role catalog (unknown ids are named); a ' +
      'display name unique among the partner’s relationships (409 when taken).',
  })
  @ApiCreatedResponse({ type: GdapRelationshipChangedView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @Body() body: CreateGdapRelationshipDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<GdapRelationshipChangedView> {
    const context = requestContext(request, caller, this.clock.now(), body.customerId);
    return this.commands.execute(new CreateGdapRelationshipCommand(body, caller, context));
  }
}
