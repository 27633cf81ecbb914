import { Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import {
  type IdempotentRequest,
  SecretResponse,
} from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';
import { RotatedSecretView } from './rotated-secret.view.js';

/** `POST /v1/webhooks/{id}/secret-rotation` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class RotateWebhookSecretController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/secret-rotation')
  @HttpCode(HttpStatus.OK)
  @SecretResponse()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Give a webhook endpoint a new signing secret, shown in this answer only',
    description:
      'For 24 hours deliveries are signed with both the new and the previous secret, so the ' +
      'receiver can switch without missing one. A retry with the same Idempotency-Key answers ' +
      '409 `idempotent-answer-withheld`: the secret is kept only encrypted.',
  })
  @ApiOkResponse({ type: RotatedSecretView })
  @ApiProblems(401, 403, 404, 409, 422)
  rotate(
    @Param('id') id: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<RotatedSecretView> {
    return this.commands.execute(
      new RotateWebhookSecretCommand(id, caller, requestContext(request, caller, new Date())),
    );
  }
}
