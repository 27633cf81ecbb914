import { Controller, Delete, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { CommandPosition } from '../../../platform/commands/command-response.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { DeleteTagCommand } from './delete-tag.command.js';

/** `DELETE /v1/tags/{tagId}` (admin-agent). */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/tags')
export class DeleteTagController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':tagId')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Remove a tag from the caller’s catalog',
    description:
      'Customers keep the assignments they already carry; unassign them one by one if needed.',
  })
  @ApiOkResponse({ type: CommandPosition, description: 'The position of the TagDeleted event' })
  @ApiProblems(401, 403, 404, 422)
  remove(
    @Param('tagId') tagId: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CommandPosition> {
    return this.commands.execute(
      new DeleteTagCommand(tagId, caller, requestContext(request, caller, new Date())),
    );
  }
}
