import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PARTNER_ROLES } from '@customer-workspace/auth';
import { Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { EventNameListView } from './event-name-list.view.js';
import { ListEventNamesQuery } from './list-event-names.query.js';

/** `GET /v1/webhooks/events` (every partner role). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class ListEventNamesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({ summary: 'The event names a webhook endpoint can subscribe to' })
  @ApiOkResponse({ type: EventNameListView })
  @ApiProblems(401, 403)
  list(): Promise<EventNameListView> {
    return this.queries.execute(new ListEventNamesQuery());
  }
}
