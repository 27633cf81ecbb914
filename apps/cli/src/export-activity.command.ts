import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  ACTIVITY_LOG_ACTIONS,
  type ActivityLogFilters,
  type PartnerCenterAction,
  partnerDecider,
  partnerStream,
  type RecordActivityLogExport,
} from '../../../libs/customers/src/index.js';
import { CommandHandler } from '../../../libs/event-store/src/index.js';
import {
  activityLogInstant,
  activityLogProjection,
  catchUpServingReadModel,
  exportActivityLog,
  ReadModelDirectory,
} from '../../../libs/read-models/src/index.js';
import { loadConfig } from '../../api/src/config/app-config.js';
import { cliCommandContext } from './cli-actor.js';
import { type CliCommand, expectAtMost, openEventStore, parseCommandLine } from './cli-command.js';

const ACTIONS = new Set(Object.values(ACTIVITY_LOG_ACTIONS).filter((a) => a !== null));

function instant(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = activityLogInstant(value);
  if (parsed === undefined)
    throw new Error(
      `--${name} must be an ISO date or a date-time with its offset (got "${value}")`,
    );
  return parsed;
}

function filtersOf(values: Record<string, string | undefined>): ActivityLogFilters {
  const { from, to, customer, action, user } = values;
  if (action !== undefined && !ACTIONS.has(action as PartnerCenterAction))
    throw new Error(`--action must be one of ${[...ACTIONS].join(', ')} (got "${action}")`);
  instant('from', from);
  instant('to', to);
  return {
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(customer !== undefined && { customerId: customer }),
    ...(action !== undefined && { action }),
    ...(user !== undefined && { user }),
  };
}

/**
 * `activity export`: the partner's activity log (filters as the api's) as CSV or NDJSON, for
 * auditors without the HTTP api. Recorded as `export_activity_log` first; the file holds the
 * log up to and including that record, from the read model brought up to date.
 */
export const exportActivityCommand: CliCommand = {
  name: 'activity export',
  synopsis:
    '--partner P [--from D] [--to D] [--customer ID] [--action A] [--user U] ' +
    '[--format csv|ndjson] [--out FILE]',
  summary: 'the partner’s activity log as CSV or NDJSON (stdout without --out), recorded',
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: Object.fromEntries(
          ['partner', 'from', 'to', 'customer', 'action', 'user', 'format', 'out'].map((o) => [
            o,
            { type: 'string' as const },
          ]),
        ),
      }),
    );
    expectAtMost(positionals, 0);
    const values_ = values as Record<string, string | undefined>;
    const partnerId = values_.partner;
    if (!partnerId) throw new Error('--partner is required');
    const format = values_.format ?? 'csv';
    if (format !== 'csv' && format !== 'ndjson')
      throw new Error(`--format must be csv or ndjson (got "${format}")`);
    const filters = filtersOf(values_);
    const config = loadConfig(context.env);
    const store = openEventStore(config);
    try {
      const command: RecordActivityLogExport = {
        type: 'RecordActivityLogExport',
        data: { partnerId, filters, format },
      };
      const recorded = await new CommandHandler(store).handle(
        partnerDecider,
        partnerStream(partnerId),
        command,
        cliCommandContext(partnerId),
        { retriesOnConflict: 5 },
      );
      const directory = new ReadModelDirectory(config.DATA_DIR);
      const file = await catchUpServingReadModel(store, activityLogProjection, directory);
      const filter = {
        ...filters,
        ...(filters.from !== undefined && { from: instant('from', filters.from) }),
        ...(filters.to !== undefined && { to: instant('to', filters.to) }),
        action: filters.action as PartnerCenterAction | undefined,
        upTo: recorded.position,
      };
      const out = values_.out === undefined ? context.stdout : createWriteStream(values_.out);
      await pipeline(exportActivityLog(file, partnerId, filter, format), out, {
        end: out !== context.stdout,
      });
      context.stderr.write(
        `activity log of ${partnerId} (${format}) written to ${values_.out ?? 'stdout'}; ` +
          `recorded as export_activity_log at position ${recorded.position}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
