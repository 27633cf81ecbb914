import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { ActivityLogExportFormat } from '@customer-workspace/customers';
import {
  ACTIVITY_LOG,
  activityLogFilterOf,
  ACTIVITY_LOG_EXPORT_FORMATS,
  exportActivityLog,
  recordedFiltersOf,
} from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import { AuditTreeService } from '../../audit/audit-tree.service.js';
import type { ExportActivityLogsDto } from './export-activity-logs.dto.js';
import { RecordActivityLogExportCommand } from './record-activity-log-export.command.js';

/** What the export asks: the filters, the negotiated format, who and in which request. */
export interface ActivityLogExportRequest {
  readonly filters: ExportActivityLogsDto;
  readonly format: ActivityLogExportFormat;
  readonly caller: Principal;
  readonly request: RequestContext;
}

/** The file to send: its media type and name, the export's record and the rows (streamed). */
export interface ActivityLogFile {
  readonly mediaType: string;
  readonly fileName: string;
  /** Global position of the `ActivityLogExported` event the file ends with. */
  readonly position: bigint;
  readonly body: Readable;
}

/**
 * The export use case: not a pure query, since an export is recorded (a command) before its
 * file is read. Waits for `minPosition`, records the export, then streams the log up to and
 * including that record: the log exactly as it stood when exported, each entry with its leaf in
 * the audit tree.
 */
@Injectable()
export class ExportActivityLogsService {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModels: ReadModelsService,
    private readonly audit: AuditTreeService,
  ) {}

  async export({
    filters,
    format,
    caller,
    request,
  }: ActivityLogExportRequest): Promise<ActivityLogFile> {
    await this.readModels.caughtUp(ACTIVITY_LOG, minPositionOf(filters));
    const position = await this.commands.execute<RecordActivityLogExportCommand, bigint>(
      new RecordActivityLogExportCommand(recordedFiltersOf(filters), format, caller, request),
    );
    const runner = await this.readModels.caughtUp(ACTIVITY_LOG, position);
    // The entries' leaves, the record's own included, once the tree holds them; an entry it
    // has not covered in time carries nulls rather than failing an export already recorded.
    await this.audit.reaches(position);
    const filter = { ...activityLogFilterOf(filters), upTo: position };
    const leafOf = this.audit.leafOf.bind(this.audit);
    return {
      ...ACTIVITY_LOG_EXPORT_FORMATS[format],
      position,
      body: exportActivityLog(runner.servingFile(), caller.partnerId, filter, format, leafOf),
    };
  }
}
