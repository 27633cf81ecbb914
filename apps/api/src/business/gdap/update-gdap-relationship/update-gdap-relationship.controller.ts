import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { Clock } from '../../../platform/clock/clock.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { GdapRelationshipChangedView } from '../gdap-relationship.view.js';
import { UpdateGdapRelationshipCommand } from './update-gdap-relationship.command.js';
import { UpdateGdapRelationshipDto } from './update-gdap-relationship.dto.js';

/** `PATCH /v1/gdap-relationships/{id}` (admin-agent). */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships')
export class UpdateGdapRelationshipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Patch(':id')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Change a GDAP relationship’s settings',
    description:
      'displayName, duration and roles only while `created`; autoExtendDuration while ' +
      '`created` or `active` (409 `gdap-relationship-not-editable` otherwise, naming the ' +
      'fields). Only what changes is recorded; a request that changes nothing records nothing.',
  })
  @ApiOkResponse({ type: GdapRelationshipChangedView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @Param('id') id: string,
    @Body() body: UpdateGdapRelationshipDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<GdapRelationshipChangedView> {
    const context = requestContext(request, caller, this.clock.now());
    return this.commands.execute(new UpdateGdapRelationshipCommand(id, body, caller, context));
  }
}
