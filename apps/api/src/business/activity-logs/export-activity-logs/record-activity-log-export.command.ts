import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ActivityLogExportFormat,
  type ActivityLogFilters,
  partnerDecider,
  partnerStream,
  type RecordActivityLogExport,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';

/** Record `ActivityLogExported` (the `export_activity_log` action) before the file is sent. */
export class RecordActivityLogExportCommand {
  constructor(
    readonly filters: ActivityLogFilters,
    readonly format: ActivityLogExportFormat,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

@CommandHandler(RecordActivityLogExportCommand)
export class RecordActivityLogExportHandler implements ICommandHandler<
  RecordActivityLogExportCommand,
  bigint
> {
  constructor(private readonly runner: CommandRunner) {}

  /** Returns the global position of the `ActivityLogExported` event. */
  async execute({
    filters,
    format,
    caller,
    request,
  }: RecordActivityLogExportCommand): Promise<bigint> {
    const command: RecordActivityLogExport = {
      type: 'RecordActivityLogExport',
      data: { partnerId: caller.partnerId, filters, format },
    };
    const streamId = partnerStream(caller.partnerId);
    return (await this.runner.run({ decider: partnerDecider, streamId, command, ...request }))
      .position;
  }
}
