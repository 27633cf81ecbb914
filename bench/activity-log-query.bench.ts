import { activityLogProjection, queryActivityLog } from '@customer-workspace/read-models';
import { activityQueries } from './activity-log-queries.js';
import type { BenchResult } from './bench-result.js';
import { percentiles } from './latency.js';
import { runMix, samplesOf, slowest } from './query-mix.js';
import { datasetFor, readModel } from './read-model-data.js';

const FIRST_PAGE = { limit: 50 };

/**
 * `query.activity_log`: p99 of the filter mix (first page of 50, with its total) over
 * the activity log of the data set (quick 260k events, full 1M), through `queryActivityLog` on
 * a read connection. One pass warms up; then every shape runs once per pass.
 */
export async function activityLogQueryBenchmark(quick: boolean): Promise<BenchResult> {
  const data = await datasetFor(quick);
  const db = await readModel(data, activityLogProjection);
  try {
    const queries = activityQueries(db);
    const run = (query: (typeof queries)[number]) =>
      queryActivityLog(db, query.partnerId, query.filter, FIRST_PAGE);
    const totals = queries.map((query) => run(query).total);
    const byLabel = runMix(queries, run, { passes: quick ? 3 : 10, budgetSeconds: quick ? 6 : 60 });
    const all = percentiles(samplesOf(byLabel));
    const entries = db.prepare('SELECT count(*) FROM activity_entries').pluck().get() as number;
    return {
      name: 'query.activity_log',
      value: all.p99,
      unit: 'ms (p99)',
      limit: null,
      ratio: null,
      goal: 'p99 < 25 ms',
      detail: {
        ...all,
        shapes: queries.length,
        slowest: slowest(byLabel),
        totals: { min: Math.min(...totals), max: Math.max(...totals) },
        events: data.events,
        entries,
        setUpSeconds: data.setUp,
      },
    };
  } finally {
    db.close();
  }
}
