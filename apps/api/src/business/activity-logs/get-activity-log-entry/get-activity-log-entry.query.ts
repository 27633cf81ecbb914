import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  ACTIVITY_LOG,
  ActivityLogEntryNotFound,
  activityLogEntryAt,
} from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
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
 * Answers from the activity-log read model once it has reached `minPosition`. No entry of the
 * caller's there (none at all, or another partner's) throws `ActivityLogEntryNotFound` (404).
 */
@QueryHandler(GetActivityLogEntryQuery)
export class GetActivityLogEntryHandler implements IQueryHandler<
  GetActivityLogEntryQuery,
  ActivityLogEntryView
> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({
    position,
    minPosition,
    caller,
  }: GetActivityLogEntryQuery): Promise<ActivityLogEntryView> {
    const runner = await this.readModels.caughtUp(ACTIVITY_LOG, minPosition);
    const entry = activityLogEntryAt(runner.reader(), caller.partnerId, position);
    if (entry === undefined) throw new ActivityLogEntryNotFound(position.toString());
    return entry;
  }
}
