import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  partnerDecider,
  partnerStream,
  type RecordCustomersExport,
} from '@customer-workspace/customers';
import type { ExportLanguage } from '@customer-workspace/read-models';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';

/** Record `CustomersExported` (the `export_customers` action) before the file is sent. */
export class RecordCustomersExportCommand {
  constructor(
    readonly lang: ExportLanguage,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

@CommandHandler(RecordCustomersExportCommand)
export class RecordCustomersExportHandler implements ICommandHandler<
  RecordCustomersExportCommand,
  bigint
> {
  constructor(private readonly runner: CommandRunner) {}

  /** Returns the global position of the `CustomersExported` event. */
  async execute({ lang, caller, request }: RecordCustomersExportCommand): Promise<bigint> {
    const command: RecordCustomersExport = {
      type: 'RecordCustomersExport',
      data: { partnerId: caller.partnerId, lang },
    };
    const streamId = partnerStream(caller.partnerId);
    return (await this.runner.run({ decider: partnerDecider, streamId, command, ...request }))
      .position;
  }
}
