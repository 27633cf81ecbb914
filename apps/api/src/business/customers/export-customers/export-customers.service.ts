import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import {
  CUSTOMER_LIST,
  exportCustomersCsv,
  type ExportLanguage,
} from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import type { ExportCustomersDto } from './export-customers.dto.js';
import { RecordCustomersExportCommand } from './record-customers-export.command.js';

/** What the export asks: its query (`minPosition`), the language, who and which request. */
export interface CustomersExportRequest {
  readonly query: ExportCustomersDto;
  readonly lang: ExportLanguage;
  readonly caller: Principal;
  readonly request: RequestContext;
}

/** `Customers.csv` to send: the export's record and the rows (streamed). */
export interface CustomersFile {
  /** Global position of the `CustomersExported` event. */
  readonly position: bigint;
  readonly body: Readable;
}

/**
 * The export use case: not a pure query, since an export is recorded (a command) before its
 * file is read. Waits for `minPosition`, records the export, then streams the full list.
 */
@Injectable()
export class ExportCustomersService {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModels: ReadModelsService,
  ) {}

  async export({ query, lang, caller, request }: CustomersExportRequest): Promise<CustomersFile> {
    const runner = await this.readModels.caughtUp(CUSTOMER_LIST, minPositionOf(query));
    const position = await this.commands.execute<RecordCustomersExportCommand, bigint>(
      new RecordCustomersExportCommand(lang, caller, request),
    );
    return { position, body: exportCustomersCsv(runner.servingFile(), caller.partnerId, lang) };
  }
}
