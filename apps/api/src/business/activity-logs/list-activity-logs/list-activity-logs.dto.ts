import { IntersectionType } from '@nestjs/swagger';
import { DEFAULT_ACTIVITY_PAGE, MAX_ACTIVITY_PAGE } from '@customer-workspace/read-models';
import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';
import { ActivityLogFiltersDto } from '../activity-log-filters.dto.js';

/** The activity log's page: its cursor is the position of the page's last entry. */
const ActivityLogPageDto = PageQueryDto({
  maxLimit: MAX_ACTIVITY_PAGE,
  defaultLimit: DEFAULT_ACTIVITY_PAGE,
  cursor: /^\d{1,19}$/,
});

/** `GET /v1/activity-logs` query: the filters and a page. */
export class ListActivityLogsDto extends IntersectionType(
  ActivityLogFiltersDto,
  ActivityLogPageDto,
) {}
