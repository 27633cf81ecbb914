import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ACTIVITY_LOG_AUDIT_CSV_COLUMNS,
  ACTIVITY_LOG_CSV_COLUMNS,
} from '@customer-workspace/read-models';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ExportActivityLogsDto } from './export-activity-logs.dto.js';
import { ExportActivityLogsService } from './export-activity-logs.service.js';
import { exportFormat } from './export-format.js';

/** `GET /v1/activity-logs/export` (admin-agent): the filtered log as a CSV or NDJSON file. */
@ApiTags('activity-logs')
@ApiBearerAuth()
@Controller('v1/activity-logs')
export class ExportActivityLogsController {
  constructor(private readonly exports: ExportActivityLogsService) {}

  @Get('export')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Export the caller’s activity log (the list’s filters) as CSV or NDJSON',
    description:
      'Newest first, the list’s filters (`from` inclusive, `to` exclusive). Format by `format` ' +
      'or `Accept`, CSV by default. CSV: UTF-8 with a byte-order mark, columns ' +
      `${[...ACTIVITY_LOG_CSV_COLUMNS, ...ACTIVITY_LOG_AUDIT_CSV_COLUMNS].join(', ')}; old and ` +
      'new values as JSON, `leafIndex` and `leafHash` empty while the audit tree has not ' +
      'covered the entry; cells a spreadsheet ' +
      "would run as a formula start with `'`. NDJSON: one list item per line. The export is " +
      'recorded as `export_activity_log` before the file is sent (`X-Export-Position` names ' +
      'that event) and the file holds the log up to and including that record. Streamed from ' +
      'the database: memory does not grow with the log.',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiResponse({
    status: 200,
    description: 'ActivityLog.csv or ActivityLog.ndjson (as an attachment)',
    content: { 'text/csv': {}, 'application/x-ndjson': {} },
  })
  @ApiProblems(400, 401, 403, 404, 503)
  async export(
    @Query() query: ExportActivityLogsDto,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.exports.export({
      filters: query,
      format: exportFormat(query.format, accept),
      caller,
      request: requestContext(request, caller, new Date()),
    });
    await reply
      .header('Content-Type', file.mediaType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('X-Export-Position', file.position.toString())
      .send(file.body);
  }
}
