import { Controller, Delete, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../commands/command-context.js';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import type { IdempotentRequest } from '../../idempotency/idempotency.interceptor.js';
import { CustomerTagsView } from '../customer-tags.view.js';
import { UnassignCustomerTagCommand } from './unassign-customer-tag.command.js';

/** `DELETE /v1/customers/{id}/tags/{tagId}` (admin-agent). */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/customers')
export class UnassignCustomerTagController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id/tags/:tagId')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Take one of the caller’s tags off a customer',
    description:
      'A tag the customer does not carry (even one since deleted from the catalog) changes ' +
      'nothing and answers 200.',
  })
  @ApiOkResponse({
    type: CustomerTagsView,
    description: 'The caller’s remaining tags on the customer and the position',
  })
  @ApiProblems(401, 403, 404, 409, 422)
  unassign(
    @Param('id') id: string,
    @Param('tagId') tagId: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CustomerTagsView> {
    return this.commands.execute(
      new UnassignCustomerTagCommand(
        id,
        tagId,
        caller,
        requestContext(request, caller, new Date(), id),
      ),
    );
  }
}
