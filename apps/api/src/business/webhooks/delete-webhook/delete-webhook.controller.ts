import { Controller, Delete, HttpCode, HttpStatus, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { DeleteWebhookCommand } from './delete-webhook.command.js';

/** `DELETE /v1/webhooks/{id}` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class DeleteWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Delete a webhook endpoint; its pending deliveries are dropped',
    description: 'Afterwards the endpoint answers 404, a second delete included.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409, 422)
  remove(
    @Param('id') id: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<void> {
    return this.commands.execute(
      new DeleteWebhookCommand(id, caller, requestContext(request, caller, new Date())),
    );
  }
}
