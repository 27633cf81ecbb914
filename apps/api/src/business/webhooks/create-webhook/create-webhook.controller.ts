import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import {
  type IdempotentRequest,
  SecretResponse,
} from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { CreatedWebhookView } from '../webhook.view.js';
import { CreateWebhookCommand } from './create-webhook.command.js';
import { CreateWebhookDto } from './create-webhook.dto.js';

/** `POST /v1/webhooks` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class CreateWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @SecretResponse()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Register a webhook endpoint; its signing secret is shown in this answer only',
    description:
      'The URL is checked now (scheme, credentials, every address its host resolves to) and ' +
      'again before every delivery. An unsafe URL answers 400 naming `url` with the reason; a ' +
      'name that cannot be resolved now answers 503. The secret is kept only encrypted: a ' +
      'retry with the same Idempotency-Key answers 409 `idempotent-answer-withheld` naming the ' +
      'endpoint; rotate its secret to get a new one.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  @ApiProblems(400, 401, 403, 404, 409, 422, 503)
  create(
    @Body() body: CreateWebhookDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<CreatedWebhookView> {
    return this.commands.execute(
      new CreateWebhookCommand(body, caller, requestContext(request, caller, new Date())),
    );
  }
}
