import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEFAULT_ACTIVITY_PAGE, MAX_ACTIVITY_PAGE } from '@customer-workspace/read-models';
import { ActivityLogFiltersQuery } from '../activity-log-filters.query.js';

/** `GET /v1/activity-logs` query: the filters and a page. */
export class ListActivityLogsQuery extends ActivityLogFiltersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ACTIVITY_PAGE, default: DEFAULT_ACTIVITY_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_ACTIVITY_PAGE, { message: `limit must be at most ${MAX_ACTIVITY_PAGE}` })
  readonly limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'cursor must be a nextCursor of this list' })
  readonly cursor?: string;
}
