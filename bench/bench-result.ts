/** One line of `bench/results/latest.json`. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The limit it is held against, measured in the same run. */
  readonly limit: number | null;
  readonly ratio: number | null;
  readonly goal: string;
  readonly detail?: Record<string, unknown>;
}
