import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { WebhookView } from '../webhook.view.js';
import { GetWebhookQuery } from './get-webhook.query.js';

/** `GET /v1/webhooks/{id}` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class GetWebhookController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'One of the caller’s webhook endpoints, never with its secret',
    description: 'Read from the endpoint’s own events: a change just answered shows at once.',
  })
  @ApiOkResponse({ type: WebhookView })
  @ApiProblems(401, 403, 404)
  get(@Param('id') id: string, @Caller() caller: Principal): Promise<WebhookView> {
    return this.queries.execute(new GetWebhookQuery(id, caller));
  }
}
