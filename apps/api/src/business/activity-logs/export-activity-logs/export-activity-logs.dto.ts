import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ActivityLogExportFormat } from '@customer-workspace/customers';
import { MinPositionDto } from '../../../platform/read-models/min-position.dto.js';
import { ActivityLogFiltersDto } from '../activity-log-filters.dto.js';

export const EXPORT_FORMATS: readonly ActivityLogExportFormat[] = ['csv', 'ndjson'];

/** `GET /v1/activity-logs/export` query: the list's filters, `minPosition` and the format. */
export class ExportActivityLogsDto extends IntersectionType(ActivityLogFiltersDto, MinPositionDto) {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description: 'Else chosen by `Accept` (`text/csv` or `application/x-ndjson`); else CSV',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  readonly format?: ActivityLogExportFormat;
}
