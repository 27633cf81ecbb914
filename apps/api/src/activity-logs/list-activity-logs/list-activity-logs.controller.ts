import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ACTIVITY_LOG,
  activityLogFilterOf,
  queryActivityLog,
} from '@customer-workspace/read-models';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import { minPositionOf } from '../../read-models/min-position.dto.js';
import { ReadModelsService } from '../../read-models/read-models.service.js';
import { ActivityLogPageView } from '../activity-log-entry.view.js';
import { ListActivityLogsDto } from './list-activity-logs.dto.js';

/** `GET /v1/activity-logs` (admin-agent): the caller's activity log from its read model. */
@ApiTags('activity-logs')
@ApiBearerAuth()
@Controller('v1/activity-logs')
export class ListActivityLogsController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get()
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'The caller’s activity log, newest first: who did what, when, old and new values',
    description:
      'One entry per recorded action (PRODUCT.md rule 4), the whole history. Filters combine: ' +
      '`from` (inclusive) and `to` (exclusive) instants, `customerId`, `action`, `user` (user ' +
      'id or UPN). Paged by `cursor`; `total` counts every matching entry.',
  })
  @ApiOkResponse({ type: ActivityLogPageView })
  @ApiProblems(400, 401, 403, 503)
  async list(
    @Query() query: ListActivityLogsDto,
    @Caller() caller: Principal,
  ): Promise<ActivityLogPageView> {
    const runner = await this.readModels.caughtUp(ACTIVITY_LOG, minPositionOf(query));
    return queryActivityLog(runner.reader(), caller.partnerId, activityLogFilterOf(query), {
      limit: query.limit,
      ...(query.cursor !== undefined && { before: BigInt(query.cursor) }),
    });
  }
}
