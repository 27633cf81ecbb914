import { round, timed } from './latency.js';

export interface MixOptions {
  /** Timed passes over every query (after one warm-up pass). */
  readonly passes: number;
  /** No further pass starts after this many seconds (at least one runs): bounded in time. */
  readonly budgetSeconds: number;
}

/**
 * Runs a warm-up pass (statements prepared, pages cached), then timed passes over every
 * query, all shapes in each pass; returns the durations in ms by label.
 */
export function runMix<Q extends { readonly label: string }>(
  queries: readonly Q[],
  run: (query: Q) => unknown,
  { passes, budgetSeconds }: MixOptions,
): Map<string, number[]> {
  for (const query of queries) run(query);
  const byLabel = new Map<string, number[]>();
  const deadline = Date.now() + budgetSeconds * 1000;
  for (let pass = 0; pass < passes && (pass === 0 || Date.now() < deadline); pass++) {
    for (const query of queries) {
      const [, ms] = timed(() => run(query));
      byLabel.set(query.label, [...(byLabel.get(query.label) ?? []), ms]);
    }
  }
  return byLabel;
}

/** The shapes with the slowest runs (max, ms): where a missed goal comes from. */
export function slowest(byLabel: ReadonlyMap<string, number[]>, count = 6): Record<string, number> {
  return Object.fromEntries(
    [...byLabel]
      .map(([label, samples]) => [label, round(Math.max(...samples))] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count),
  );
}

/** Every sample of a mix. */
export const samplesOf = (byLabel: ReadonlyMap<string, number[]>): number[] =>
  [...byLabel.values()].flat();
