import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ActivityLogExportFormat,
  type ActivityLogFilters,
  partnerDecider,
  partnerStream,
  type RecordActivityLogExport,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';

/** Record `ActivityLogExported` (the `export_activity_log` action) before the file is sent. */
export class RecordActivityLogExportCommand {
  constructor(
    readonly filters: ActivityLogFilters,
    readonly format: ActivityLogExportFormat,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** The record only appends; losing a race on the partner stream is safe to retry. */
const RETRIES_ON_CONFLICT = 5;

@HandlesCommand(RecordActivityLogExportCommand)
export class RecordActivityLogExportHandler implements ICommandHandler<
  RecordActivityLogExportCommand,
  bigint
> {
  constructor(private readonly commands: CommandHandler) {}

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
    const result = await this.commands.handle(
      partnerDecider,
      partnerStream(caller.partnerId),
      command,
      request.context,
      { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    return result.position;
  }
}
