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

/** When and how a result was measured: `latest.json` keeps each benchmark's last run. */
export interface MeasuredRun {
  readonly at: string;
  readonly quick: boolean;
  /** The commit measured (`git describe --always --dirty`), when git can tell. */
  readonly commit?: string;
}

/** A line of `latest.json` as written: the result and its run. */
export type RecordedResult = BenchResult & { readonly run: MeasuredRun };
