import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  partnerDecider,
  partnerStream,
  type RecordCustomersExport,
} from '@customer-workspace/customers';
import type { ExportLanguage } from '@customer-workspace/read-models';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';

/** Record `CustomersExported` (the `export_customers` action) before the file is sent. */
export class RecordCustomersExportCommand {
  constructor(
    readonly lang: ExportLanguage,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** The record only appends; losing a race on the partner stream is safe to retry. */
const RETRIES_ON_CONFLICT = 5;

@HandlesCommand(RecordCustomersExportCommand)
export class RecordCustomersExportHandler implements ICommandHandler<
  RecordCustomersExportCommand,
  bigint
> {
  constructor(private readonly commands: CommandHandler) {}

  /** Returns the global position of the `CustomersExported` event. */
  async execute({ lang, caller, request }: RecordCustomersExportCommand): Promise<bigint> {
    const command: RecordCustomersExport = {
      type: 'RecordCustomersExport',
      data: { partnerId: caller.partnerId, lang },
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
