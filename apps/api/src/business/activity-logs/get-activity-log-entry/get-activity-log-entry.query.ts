import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  ACTIVITY_LOG,
  ActivityLogEntryNotFound,
  activityLogEntryAt,
} from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import { AuditTreeService } from '../../audit/audit-tree.service.js';
import type { ActivityLogEntryView } from '../activity-log-entry.view.js';

/** One entry of the caller's activity log by its position (`GET /v1/activity-logs/{position}`). */
export class GetActivityLogEntryQuery extends Query<ActivityLogEntryView> {
  constructor(
    readonly position: bigint,
    readonly minPosition: bigint | undefined,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Answers from the activity-log read model once it (and the audit tree) have reached
 * `minPosition`, with the event's leaf. No entry of the caller's there (none at all, or another
 * partner's) throws `ActivityLogEntryNotFound` (404).
 */
@QueryHandler(GetActivityLogEntryQuery)
export class GetActivityLogEntryHandler implements IQueryHandler<
  GetActivityLogEntryQuery,
  ActivityLogEntryView
> {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly audit: AuditTreeService,
  ) {}

  async execute({
    position,
    minPosition,
    caller,
  }: GetActivityLogEntryQuery): Promise<ActivityLogEntryView> {
    const [runner] = await Promise.all([
      this.readModels.caughtUp(ACTIVITY_LOG, minPosition),
      this.audit.caughtUp(minPosition),
    ]);
    const entry = activityLogEntryAt(runner.reader(), caller.partnerId, position);
    if (entry === undefined) throw new ActivityLogEntryNotFound(position.toString());
    return { ...entry, ...this.audit.leafOf(entry) };
  }
}
