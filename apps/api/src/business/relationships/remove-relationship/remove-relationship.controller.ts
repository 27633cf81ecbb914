import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Relationship, RELATIONSHIPS } from '@customer-workspace/customers';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { CommandPosition } from '../../../platform/commands/command-response.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { RelationshipPipe } from './relationship.pipe.js';
import { RemoveRelationshipCommand } from './remove-relationship.command.js';
import { RemoveRelationshipDto } from './remove-relationship.dto.js';

@ApiTags('relationships')
@ApiBearerAuth()
@Controller('v1/customers')
export class RemoveRelationshipController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/relationships/:relationship/removal')
  @HttpCode(200)
  @Roles('admin-agent', 'sales-agent')
  @ApiParam({ name: 'relationship', enum: RELATIONSHIPS })
  @ApiOperation({
    summary: 'Remove one of the caller’s relationships with the customer (with its DAP)',
    description:
      'Needs an accepted attestation with a reason (422 otherwise); refused with 409 while ' +
      'subscriptions under the relationship are not cancelled. GDAP is untouched, nobody is ' +
      'notified, and the customer leaves the caller’s list. A relationship the caller does ' +
      'not hold (e.g. its indirect provider’s) answers 404.',
  })
  @ApiOkResponse({ type: CommandPosition })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  remove(
    @Param('id') id: string,
    @Param('relationship', RelationshipPipe) relationship: Relationship,
    @Body() body: RemoveRelationshipDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CommandPosition> {
    return this.commands.execute(
      new RemoveRelationshipCommand(
        id,
        relationship,
        body.attestation,
        caller,
        requestContext(request, caller, new Date(), id),
      ),
    );
  }
}
