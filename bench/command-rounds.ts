import type autocannon from 'autocannon';
import { flatGrowth } from './growth-verdict.js';
import { load, type LoadRun, medianOf, summary } from './http-load.js';
import { median } from './latency.js';
import { type ServerProcess, waitUntilIdle } from './server-process.js';

// The rounds and figures of `scaling.command` (command-scaling.bench.ts).

/** CPU per order at a length may be this much above the 10-event case's before it grows. */
export const FLAT_TOLERANCE = 1.25;
export const ROUNDS = 3;
export const LENGTHS = [10, 100, 1_000];
/**
 * Fewer than `http.command`'s 50: an order on a 1,000-event stream costs so much that 50 in a
 * queue would outlast a round (and near autocannon's 10 s timeout).
 */
export const CONNECTIONS = 10;

export interface Plan {
  /** First orders per length and round, each on a stream no command touched yet. */
  readonly coldOrders: readonly number[];
  readonly warmUpSeconds: number;
  readonly warmSeconds: number;
}

/** One round: the load, and the server's CPU per order sent until it has drained. */
export interface Round {
  readonly run: LoadRun;
  readonly cpuMsPerOrder: number;
}

/**
 * The orders still in flight when a timed load stops are answered after it: the CPU is
 * counted until the api is idle again, over every order sent, so the next round starts clean.
 */
export async function round(
  api: ServerProcess,
  requests: autocannon.Request[],
  seconds: number,
  amount?: number,
): Promise<Round> {
  const before = api.cpuSeconds() ?? NaN;
  const run = await load(api, requests, CONNECTIONS, seconds, amount);
  await waitUntilIdle(api, 120);
  const cpu = (api.cpuSeconds() ?? NaN) - before;
  return { run, cpuMsPerOrder: Number(((cpu * 1000) / run.sent).toFixed(3)) };
}

/** Medians of one length's rounds. */
export function figuresOf(length: number, rounds: readonly Round[]) {
  const runs = rounds.map((r) => r.run);
  return {
    length,
    rps: Math.round(medianOf(runs, (run) => run.rps)),
    p99Ms: medianOf(runs, (run) => run.p99Ms),
    cpuMsPerOrder: median(rounds.map((r) => r.cpuMsPerOrder)),
    orders: runs.reduce((sum, run) => sum + run.sent, 0),
    rounds: rounds.map((r) => ({ ...summary(r.run), cpuMsPerOrder: r.cpuMsPerOrder })),
  };
}

type Figures = ReturnType<typeof figuresOf>;

export function phaseOf(figures: Figures[]) {
  const growth = (figure: (f: Figures) => number) =>
    flatGrowth(
      figures.map((f) => ({ size: f.length, value: figure(f) })),
      FLAT_TOLERANCE,
    );
  const cpu = growth((f) => f.cpuMsPerOrder);
  return {
    verdict: cpu.verdict,
    worse: cpu.worse,
    cpuRatios: cpu.ratios,
    timePerOrderRatios: growth((f) => 1 / f.rps).ratios,
    p99Ratios: growth((f) => f.p99Ms).ratios,
    lengths: figures,
  };
}
