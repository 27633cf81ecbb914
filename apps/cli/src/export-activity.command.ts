import { parseArgs } from 'node:util';
import {
  ACTIVITY_LOG_ACTION_NAMES,
  type ActivityLogAction,
  activityLogFilterOf,
  activityLogInstant,
  activityLogProjection,
  catchUpServingReadModel,
  exportActivityLog,
  type GivenActivityLogFilters,
  ReadModelDirectory,
  recordedFiltersOf,
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

/** The filters of the api's `GET /v1/activity-logs`, checked as the api checks them. */
function filtersOf(values: Record<string, string | undefined>): GivenActivityLogFilters {
  const { from, to, customer, action, user } = values;
  if (action !== undefined && !ACTIVITY_LOG_ACTION_NAMES.includes(action as ActivityLogAction))
    throw new Error(
      `--action must be one of ${ACTIVITY_LOG_ACTION_NAMES.join(', ')} (got "${action}")`,
    );
  for (const [name, value] of Object.entries({ from, to })) {
    if (value !== undefined && activityLogInstant(value) === undefined)
      throw new Error(
        `--${name} must be an ISO date or a date-time with its offset (got "${value}")`,
      );
  }
  const given = { from, to, customerId: customer, action, user };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
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
    const query = filtersOf(values_);
    const config = loadConfig(context.env);
    const store = openEventStore(config);
    try {
      const position = await recordAsOperator(store, partnerId, {
        type: 'RecordActivityLogExport',
        data: { partnerId, filters: recordedFiltersOf(query), format },
      });
      const directory = new ReadModelDirectory(config.DATA_DIR);
      const file = await catchUpServingReadModel(store, activityLogProjection, directory);
      const filter = { ...activityLogFilterOf(query), upTo: position };
      const exported = exportActivityLog(file, partnerId, filter, format);
      await writeExport(exported, values_.out, context.stdout);
      context.stderr.write(
        `activity log of ${partnerId} (${format}) written to ${values_.out ?? 'stdout'}; ` +
          `recorded as export_activity_log at position ${position}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
