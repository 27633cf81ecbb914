import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ChangedWebhookView } from '../webhook.view.js';
import { UpdateWebhookCommand } from './update-webhook.command.js';
import { UpdateWebhookDto } from './update-webhook.dto.js';

/** `PATCH /v1/webhooks/{id}` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class UpdateWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Change a webhook endpoint’s URL, event names or description; disable or enable it',
    description:
      'A new URL is checked as at registration (400 naming `url`, 503 when its name cannot be ' +
      'resolved now). What does not differ changes nothing. Enabling clears the reason an ' +
      'endpoint was disabled for.',
  })
  @ApiOkResponse({ type: ChangedWebhookView })
  @ApiProblems(400, 401, 403, 404, 409, 422, 503)
  update(
    @Param('id') id: string,
    @Body() body: UpdateWebhookDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<ChangedWebhookView> {
    return this.commands.execute(
      new UpdateWebhookCommand(id, body, caller, requestContext(request, caller, new Date())),
    );
  }
}
