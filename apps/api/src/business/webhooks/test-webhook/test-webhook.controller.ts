import { Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { TestDeliveryView } from './test-delivery.view.js';
import { TestWebhookCommand } from './test-webhook.command.js';

/** `POST /v1/webhooks/{id}/test` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class TestWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/test')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Send one `test-created` delivery to a webhook endpoint',
    description:
      'The delivery is made later, like every other, with retries. A disabled endpoint ' +
      'answers 409 `webhook-disabled`: enable it first.',
  })
  @ApiAcceptedResponse({ type: TestDeliveryView })
  @ApiProblems(401, 403, 404, 409, 422)
  test(
    @Param('id') id: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<TestDeliveryView> {
    return this.commands.execute(
      new TestWebhookCommand(id, caller, requestContext(request, caller, new Date())),
    );
  }
}
