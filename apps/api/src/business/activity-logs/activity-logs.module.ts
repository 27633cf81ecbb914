import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ExportActivityLogsController } from './export-activity-logs/export-activity-logs.controller.js';
import { ExportActivityLogsService } from './export-activity-logs/export-activity-logs.service.js';
import { RecordActivityLogExportHandler } from './export-activity-logs/record-activity-log-export.command.js';
import { GetActivityLogEntryController } from './get-activity-log-entry/get-activity-log-entry.controller.js';
import { GetActivityLogEntryHandler } from './get-activity-log-entry/get-activity-log-entry.query.js';
import { ListActivityLogsController } from './list-activity-logs/list-activity-logs.controller.js';
import { ListActivityLogsHandler } from './list-activity-logs/list-activity-logs.query.js';

/**
 * The activity log (docs/product.md rule 4): list, one entry and export, admin-agent only; each
 * entry with its event's leaf in the audit tree.
 */
@Module({
  imports: [AuditModule],
  controllers: [
    ListActivityLogsController,
    ExportActivityLogsController,
    GetActivityLogEntryController,
  ],
  providers: [
    RecordActivityLogExportHandler,
    ExportActivityLogsService,
    ListActivityLogsHandler,
    GetActivityLogEntryHandler,
  ],
})
export class ActivityLogsModule {}
