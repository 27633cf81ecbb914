import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { CreatedTagView } from '../tag.view.js';
import { CreateTagCommand } from './create-tag.command.js';
import { CreateTagDto } from './create-tag.dto.js';

/** `POST /v1/tags` (admin-agent). */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/tags')
export class CreateTagController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Add a tag to the caller’s catalog (name trimmed, unique ignoring case)',
  })
  @ApiCreatedResponse({ type: CreatedTagView, description: 'The tag and its event’s position' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @Body() body: CreateTagDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CreatedTagView> {
    return this.commands.execute(
      new CreateTagCommand(body.name, caller, requestContext(request, caller, new Date())),
    );
  }
}
