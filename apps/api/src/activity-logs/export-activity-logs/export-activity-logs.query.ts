import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ActivityLogExportFormat } from '@customer-workspace/customers';
import { ActivityLogFiltersQuery } from '../activity-log-filters.query.js';

export const EXPORT_FORMATS: readonly ActivityLogExportFormat[] = ['csv', 'ndjson'];

/** `GET /v1/activity-logs/export` query: the list's filters and the format. */
export class ExportActivityLogsQuery extends ActivityLogFiltersQuery {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description: 'Else chosen by `Accept` (`text/csv` or `application/x-ndjson`); else CSV',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  readonly format?: ActivityLogExportFormat;
}
