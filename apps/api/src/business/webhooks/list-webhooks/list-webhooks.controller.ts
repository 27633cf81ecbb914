import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ListWebhooksDto } from './list-webhooks.dto.js';
import { ListWebhooksQuery, WebhookPageView } from './list-webhooks.query.js';

/** `GET /v1/webhooks` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class ListWebhooksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'The caller’s webhook endpoints, oldest first, never with their secrets',
    description: 'Pass a command’s `position` as `minPosition` to see its change.',
  })
  @ApiOkResponse({ type: WebhookPageView })
  @ApiProblems(400, 401, 403, 503)
  list(@Query() query: ListWebhooksDto, @Caller() caller: Principal): Promise<WebhookPageView> {
    return this.queries.execute(new ListWebhooksQuery(query, caller));
  }
}
