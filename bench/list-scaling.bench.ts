import type Database from 'better-sqlite3';
import { customerListProjection, queryCustomerList } from '@customer-workspace/read-models';
import type { BenchResult } from './bench-result.js';
import { BIG_PARTNER } from './big-partner.steps.js';
import { type ListQuery, listQueries } from './customer-list-queries.js';
import { flatGrowth } from './growth-verdict.js';
import { percentiles } from './latency.js';
import { runMix, samplesOf, slowest } from './query-mix.js';
import { benchDataset, type Dataset, readModel } from './read-model-data.js';

/** A size's p99 may be this much above the smallest's before it counts as growing. */
const FLAT_TOLERANCE = 1.5;
const ROUNDS = 3;

/**
 * Events of the data sets, the big partner one tenth of them (as in `rebuild`'s): 35k, 350k
 * and 1M events hold about 10k, 100k and 287k current rows (the 1M set is the read-model
 * benchmarks' own). Quick: `scaling.rebuild`'s quick sets, about 3k, 9k and 29k rows.
 */
const sizesOf = (quick: boolean): number[] =>
  quick ? [10_000, 30_000, 100_000] : [35_000, 350_000, 1_000_000];

interface SizedList {
  readonly data: Dataset;
  readonly db: Database.Database;
  readonly queries: ListQuery[];
  readonly samples: Map<string, number[]>;
}

function rowsOf(db: Database.Database): { rows: number; bigPartnerRows: number } {
  return db
    .prepare(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE partner_id = ?) AS bigPartnerRows
       FROM list_rows WHERE removed_position IS NULL`,
    )
    .get(BIG_PARTNER) as { rows: number; bigPartnerRows: number };
}

/** Rounds alternating the sizes, each a warm-up pass and `passes` timed passes of the mix. */
function measure(lists: readonly SizedList[], passes: number): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (const { db, queries, samples } of lists) {
      const run = (query: ListQuery) => queryCustomerList(db, query.request);
      for (const [label, ms] of runMix(queries, run, { passes, budgetSeconds: 20 })) {
        samples.set(label, [...(samples.get(label) ?? []), ...ms]);
      }
    }
  }
}

function figuresOf({ data, db, samples }: SizedList) {
  return {
    events: data.events,
    ...rowsOf(db),
    ...percentiles(samplesOf(samples)),
    slowest: slowest(samples, 3),
  };
}

/**
 * `scaling.list`: the `query.customer_list` mix (the big partner's list, through
 * `queryCustomerList` on a read connection) at three list sizes; p99 of each, and the
 * largest's against the smallest's.
 */
export async function listScalingBenchmark(quick: boolean): Promise<BenchResult> {
  const lists: SizedList[] = [];
  try {
    for (const size of sizesOf(quick)) {
      const data = await benchDataset(size, size / 10);
      const db = await readModel(data, customerListProjection);
      lists.push({ data, db, queries: listQueries(db), samples: new Map() });
    }
    measure(lists, quick ? 2 : 3);
    const sizes = lists.map(figuresOf);
    const growth = flatGrowth(
      sizes.map((s) => ({ size: s.rows, value: s.p99 })),
      FLAT_TOLERANCE,
    );
    const [first, last] = [sizes[0]!, sizes.at(-1)!];
    return {
      name: 'scaling.list',
      value: last.p99,
      unit: `ms (p99 at ${last.rows} rows)`,
      limit: first.p99,
      ratio: growth.ratios[last.rows] ?? null,
      goal: `ratio <= ${FLAT_TOLERANCE} (flat: p99 at ${first.rows} rows), p99 < 15 ms`,
      detail: { verdict: growth.verdict, worse: growth.worse, p99Ratios: growth.ratios, sizes },
    };
  } finally {
    for (const { db } of lists) db.close();
  }
}
