import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ActivityLogPageView } from '../activity-log-entry.view.js';
import { ListActivityLogsDto } from './list-activity-logs.dto.js';
import { ListActivityLogsQuery } from './list-activity-logs.query.js';

/** `GET /v1/activity-logs` (admin-agent): the caller's activity log from its read model. */
@ApiTags('activity-logs')
@ApiBearerAuth()
@Controller('v1/activity-logs')
export class ListActivityLogsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'The caller’s activity log, newest first: who did what, when, old and new values',
    description:
      'One entry per recorded action (docs/product.md rule 4), the whole history. Filters combine: ' +
      '`from` (inclusive) and `to` (exclusive) instants, `customerId`, `action`, `user` (user ' +
      'id or UPN). Paged by `cursor`; `total` counts every matching entry.',
  })
  @ApiOkResponse({ type: ActivityLogPageView })
  @ApiProblems(400, 401, 403, 503)
  list(
    @Query() query: ListActivityLogsDto,
    @Caller() caller: Principal,
  ): Promise<ActivityLogPageView> {
    return this.queries.execute(new ListActivityLogsQuery(query, caller));
  }
}
