import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  ACTIVITY_LOG,
  activityLogFilterOf,
  queryActivityLog,
} from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import { AuditTreeService } from '../../audit/audit-tree.service.js';
import type { ActivityLogPageView } from '../activity-log-entry.view.js';
import type { ListActivityLogsDto } from './list-activity-logs.dto.js';

/** A page of the caller's activity log (`GET /v1/activity-logs`). */
export class ListActivityLogsQuery extends Query<ActivityLogPageView> {
  constructor(
    readonly request: ListActivityLogsDto,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Answers from the activity-log read model once it (and the audit tree) have reached
 * `minPosition`; each entry with its event's leaf.
 */
@QueryHandler(ListActivityLogsQuery)
export class ListActivityLogsHandler implements IQueryHandler<
  ListActivityLogsQuery,
  ActivityLogPageView
> {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly audit: AuditTreeService,
  ) {}

  async execute({ request, caller }: ListActivityLogsQuery): Promise<ActivityLogPageView> {
    const minPosition = minPositionOf(request);
    const [runner] = await Promise.all([
      this.readModels.caughtUp(ACTIVITY_LOG, minPosition),
      this.audit.caughtUp(minPosition),
    ]);
    const page = queryActivityLog(runner.reader(), caller.partnerId, activityLogFilterOf(request), {
      limit: request.limit,
      ...(request.cursor !== undefined && { before: BigInt(request.cursor) }),
    });
    return { ...page, items: page.items.map((item) => ({ ...item, ...this.audit.leafOf(item) })) };
  }
}
