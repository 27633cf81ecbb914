import { Controller, Delete, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { CustomerTagsView } from '../customer-tags.view.js';
import {
  ChangeCustomerTagsCommand,
  type CustomerTagChange,
} from './change-customer-tags.command.js';

/** `PUT` and `DELETE /v1/customers/{id}/tags/{tagId}` (admin-agent). */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/customers')
export class ChangeCustomerTagsController {
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
    return this.change('AssignCustomerTag', id, tagId, caller, request);
  }

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
    return this.change('UnassignCustomerTag', id, tagId, caller, request);
  }

  private change(
    change: CustomerTagChange,
    customerId: string,
    tagId: string,
    caller: Principal,
    request: IdempotentRequest,
  ): Promise<CustomerTagsView> {
    const context = requestContext(request, caller, new Date(), customerId);
    return this.commands.execute(
      new ChangeCustomerTagsCommand(change, customerId, tagId, caller, context),
    );
  }
}
