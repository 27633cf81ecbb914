import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { gdapAccessAssignmentsOf } from '@customer-workspace/read-models';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { Clock } from '../../../platform/clock/clock.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { MinPositionDto, minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { GdapReadModel } from '../gdap-read-model.js';
import { CreateAccessAssignmentDto } from './access-assignment.dto.js';
import { AccessAssignmentListView, CreatedAccessAssignmentView } from './access-assignment.view.js';
import {
  CreateAccessAssignmentCommand,
  DeleteAccessAssignmentCommand,
} from './access-assignments.command.js';

/** `/v1/gdap-relationships/{id}/access-assignments` (admin-agent). */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships/:id/access-assignments')
export class AccessAssignmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModel: GdapReadModel,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Grant a security group some of an active relationship’s roles',
    description:
      'Only while `active` (409 otherwise); roles must be among the relationship’s (400 names ' +
      'the others); one assignment per security group (409).',
  })
  @ApiCreatedResponse({ type: CreatedAccessAssignmentView })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @Param('id') id: string,
    @Body() body: CreateAccessAssignmentDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CreatedAccessAssignmentView> {
    const context = requestContext(request, caller, this.clock.now());
    return this.commands.execute(new CreateAccessAssignmentCommand(id, body, caller, context));
  }

  @Get()
  @Roles('admin-agent')
  @ApiOperation({ summary: 'The relationship’s access assignments, withdrawn ones as deleted' })
  @ApiOkResponse({ type: AccessAssignmentListView })
  @ApiProblems(400, 401, 403, 404, 503)
  async list(
    @Param('id') id: string,
    @Query() query: MinPositionDto,
    @Caller() caller: Principal,
  ): Promise<AccessAssignmentListView> {
    const { db, item } = await this.readModel.relationship(
      caller.partnerId,
      id,
      minPositionOf(query),
    );
    const items = gdapAccessAssignmentsOf(db, item);
    return { items, total: items.length };
  }

  @Delete(':assignmentId')
  @Roles('admin-agent')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw an access assignment (only while the relationship is active)',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 409)
  async delete(
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<void> {
    const context = requestContext(request, caller, this.clock.now());
    await this.commands.execute(
      new DeleteAccessAssignmentCommand(id, assignmentId, caller, context),
    );
  }
}
