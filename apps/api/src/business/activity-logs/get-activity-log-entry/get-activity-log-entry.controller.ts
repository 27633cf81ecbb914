import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { GlobalPositionPipe } from '../../../platform/read-models/global-position.pipe.js';
import { MinPositionDto, minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { ActivityLogEntryView } from '../activity-log-entry.view.js';
import { GetActivityLogEntryQuery } from './get-activity-log-entry.query.js';

/**
 * `GET /v1/activity-logs/{position}` (admin-agent): one entry of the caller's activity log, the
 * `auditUri` of a webhook notification. `export` is a route of its own, matched first.
 */
@ApiTags('activity-logs')
@ApiBearerAuth()
@Controller('v1/activity-logs')
export class GetActivityLogEntryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':position')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'One entry of the caller’s activity log, by the global position of its event',
    description:
      'The entry as the list shows it. 404 when the caller’s log has no entry at that ' +
      'position: none was recorded there, or it is another partner’s.',
  })
  @ApiParam({
    name: 'position',
    description: 'The global position of the entry’s event (a decimal string)',
    example: '42',
  })
  @ApiOkResponse({ type: ActivityLogEntryView })
  @ApiProblems(400, 401, 403, 404, 503)
  get(
    @Param('position', GlobalPositionPipe) position: bigint,
    @Query() query: MinPositionDto,
    @Caller() caller: Principal,
  ): Promise<ActivityLogEntryView> {
    return this.queries.execute(
      new GetActivityLogEntryQuery(position, minPositionOf(query), caller),
    );
  }
}
