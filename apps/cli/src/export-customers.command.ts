import { parseArgs } from 'node:util';
import {
  catchUpServingReadModel,
  CUSTOMERS_CSV,
  customerListProjection,
  EXPORT_LANGUAGES,
  type ExportLanguage,
  exportCustomersCsv,
  ReadModelDirectory,
} from '@customer-workspace/read-models';
import { loadConfig } from '@customer-workspace/config';
import { recordAsOperator } from './cli-actor.js';
import {
  type CliCommand,
  expectAtMost,
  openEventStore,
  parseCommandLine,
  writeExport,
} from './cli-command.js';

function languageOf(value: string | undefined): ExportLanguage {
  if (value === undefined) return 'en';
  if ((EXPORT_LANGUAGES as readonly string[]).includes(value)) return value as ExportLanguage;
  throw new Error(`--lang must be one of ${EXPORT_LANGUAGES.join(', ')} (got "${value}")`);
}

/**
 * `export customers`: the partner's `Customers.csv` exactly as the api serves it (docs/product.md
 * rule 2), from the customer-list read model brought up to date first, recorded as
 * `export_customers` by the operator; for auditors without the HTTP api.
 */
export const exportCustomersCommand: CliCommand = {
  name: 'export customers',
  synopsis: '--partner P [--lang en|cs|de|es|hu] [--out FILE]',
  summary: `the partner's full ${CUSTOMERS_CSV} (stdout without --out), recorded as an export`,
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          partner: { type: 'string' },
          lang: { type: 'string' },
          out: { type: 'string' },
        },
      }),
    );
    expectAtMost(positionals, 0);
    const partnerId = values.partner;
    if (!partnerId) throw new Error('--partner is required');
    const lang = languageOf(values.lang);
    const config = loadConfig(context.env);
    const store = openEventStore(config);
    try {
      const directory = new ReadModelDirectory(config.DATA_DIR);
      const file = await catchUpServingReadModel(store, customerListProjection, directory);
      const position = await recordAsOperator(store, partnerId, {
        type: 'RecordCustomersExport',
        data: { partnerId, lang },
      });
      await writeExport(exportCustomersCsv(file, partnerId, lang), values.out, context.stdout);
      context.stderr.write(
        `${CUSTOMERS_CSV} of ${partnerId} (${lang}) written to ${values.out ?? 'stdout'}; ` +
          `recorded as export_customers at position ${position}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
