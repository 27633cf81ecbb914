import { activityLogQueryBenchmark } from './activity-log-query.bench.js';
import type { BenchResult } from './bench-result.js';
import { exportBenchmark } from './customer-export.bench.js';
import { customerListQueryBenchmark } from './customer-list-query.bench.js';
import { removeDatasets } from './read-model-data.js';
import { rebuildBenchmark } from './rebuild.bench.js';

/** The read-model benchmarks, by name, in the order they run. */
export const READ_MODEL_BENCHMARKS: Record<string, (quick: boolean) => Promise<BenchResult>> = {
  rebuild: rebuildBenchmark,
  'query.activity_log': activityLogQueryBenchmark,
  export: exportBenchmark,
  'query.customer_list': customerListQueryBenchmark,
};

/**
 * `rebuild`, `query.activity_log`, `export` and `query.customer_list` over one data set, made
 * once per run (the rebuild's generation then serves the others), then deleted with the api
 * they started. `only` picks some of them by name.
 */
export async function readModelBenchmarks(
  quick: boolean,
  only: readonly string[] = Object.keys(READ_MODEL_BENCHMARKS),
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  try {
    for (const name of only) {
      const run = READ_MODEL_BENCHMARKS[name];
      if (!run) throw new Error(`No read-model benchmark "${name}"`);
      results.push(await run(quick));
    }
  } finally {
    await removeDatasets();
  }
  return results;
}
