import { Controller, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../commands/command-context.js';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import type { IdempotentRequest } from '../../idempotency/idempotency.interceptor.js';
import { CustomerTagsView } from '../customer-tags.view.js';
import { AssignCustomerTagCommand } from './assign-customer-tag.command.js';

/** `PUT /v1/customers/{id}/tags/{tagId}` (admin-agent). */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/customers')
export class AssignCustomerTagController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/tags/:tagId')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Put one of the caller’s catalog tags on a customer (at most 150 per customer)',
    description:
      'Assigning a tag the customer already carries changes nothing and answers 200. ' +
      'A full customer answers 422 `tag-limit-reached`.',
  })
  @ApiOkResponse({
    type: CustomerTagsView,
    description: 'The caller’s tags on the customer and the position',
  })
  @ApiProblems(401, 403, 404, 409, 422)
  assign(
    @Param('id') id: string,
    @Param('tagId') tagId: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CustomerTagsView> {
    return this.commands.execute(
      new AssignCustomerTagCommand(
        id,
        tagId,
        caller,
        requestContext(request, caller, new Date(), id),
      ),
    );
  }
}
