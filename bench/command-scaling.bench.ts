import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { PROJECTIONS } from '@customer-workspace/read-models';
import type { BenchResult } from './bench-result.js';
import { type CommandTokens, startCommandApi } from './command-api.js';
import { flatGrowth } from './growth-verdict.js';
import { load, type LoadRun, medianOf, summary } from './http-load.js';
import { median } from './latency.js';
import { appendLongStreams } from './long-streams.js';
import { orderRequests } from './order-workload.js';
import { buildReadModel } from './read-model-data.js';
import { type ServerProcess, waitUntilIdle } from './server-process.js';

/** CPU per order at a length may be this much above the 10-event case's before it grows. */
const FLAT_TOLERANCE = 1.25;
const ROUNDS = 3;
const LENGTHS = [10, 100, 1_000];
/**
 * Fewer than `http.command`'s 50: an order on a 1,000-event stream costs so much that 50 in a
 * queue would outlast a round (and near autocannon's 10 s timeout).
 */
const CONNECTIONS = 10;

interface Plan {
  /** First orders per length and round, each on a stream no command touched yet. */
  readonly coldOrders: readonly number[];
  readonly warmUpSeconds: number;
  readonly warmSeconds: number;
}

/** One round: the load, and the server's CPU per order sent until it has drained. */
interface Round {
  readonly run: LoadRun;
  readonly cpuMsPerOrder: number;
}

/**
 * The orders still in flight when a timed load stops are answered after it: the CPU is
 * counted until the api is idle again, over every order sent, so the next round starts clean.
 */
async function round(
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
function figuresOf(length: number, rounds: readonly Round[]) {
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

function phaseOf(figures: Figures[]) {
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

/** The api on the streams, started once their read models are built and its start-up is done. */
async function apiOn(dataDir: string, events: number, setUp: Record<string, number>) {
  const data = { dataDir, events, setUp };
  for (const projection of PROJECTIONS) await buildReadModel(data, projection);
  const started = await startCommandApi(dataDir);
  setUp.apiIdleAfter = await waitUntilIdle(started.api);
  return started;
}

/**
 * Cold rounds first (every order the first command on its stream since the api started: it
 * folds the whole stream), then warm ones on the same customers (the runner's cache of folded
 * streams holds them: it folds only the new events). Each alternates the lengths.
 */
async function phases(api: ServerProcess, ids: string[][], plan: Plan, tokens: CommandTokens) {
  const cold = ids.map((): Round[] => []);
  const warm = ids.map((): Round[] => []);
  for (let n = 0; n < ROUNDS; n++) {
    for (const [g, group] of ids.entries()) {
      const count = plan.coldOrders[g]!;
      const fresh = group.slice(n * count, (n + 1) * count);
      cold[g]!.push(await round(api, orderRequests(fresh, tokens.agent), 0, count));
    }
  }
  const touched = ids.map((group) => orderRequests(group, tokens.agent));
  for (let n = 0; n < ROUNDS; n++) {
    for (const [g, requests] of touched.entries()) {
      warm[g]!.push(await round(api, requests, plan.warmSeconds));
    }
  }
  const figures = (rounds: Round[][]) => rounds.map((r, g) => figuresOf(LENGTHS[g]!, r));
  return { cold: figures(cold), warm: figures(warm) };
}

async function measure(dataDir: string, plan: Plan) {
  const groups = LENGTHS.map((length, g) => ({ length, customers: plan.coldOrders[g]! * ROUNDS }));
  const made = await appendLongStreams(dataDir, [{ length: 10, customers: 200 }, ...groups]);
  const setUp: Record<string, number> = { append: made.seconds };
  const { api, tokens } = await apiOn(dataDir, made.events, setUp);
  try {
    const [warmUpIds, ...ids] = made.ids;
    await load(api, orderRequests(warmUpIds!, tokens.agent), CONNECTIONS, plan.warmUpSeconds);
    await waitUntilIdle(api, 120);
    return { ...(await phases(api, ids, plan, tokens)), groups, events: made.events, setUp };
  } finally {
    await api.stop();
  }
}

/**
 * `scaling.command`: `http.command`'s orders (built api, own process) on customers whose
 * streams hold 10, 100 and 1,000 events: CPU per order held flat against the 10-event case,
 * on streams folded in full (cold: `value`) and from the runner's cache (warm, in `detail`).
 */
export async function commandScalingBenchmark(quick: boolean): Promise<BenchResult> {
  const plan: Plan = quick
    ? { coldOrders: [100, 100, 15], warmUpSeconds: 3, warmSeconds: 3 }
    : { coldOrders: [200, 200, 30], warmUpSeconds: 5, warmSeconds: 10 };
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-streams-'));
  try {
    const { cold, warm, groups, events, setUp } = await measure(dataDir, plan);
    const [coldPhase, warmPhase] = [phaseOf(cold), phaseOf(warm)];
    const [first, last] = [cold[0]!, cold.at(-1)!];
    const grows = coldPhase.worse.length + warmPhase.worse.length > 0;
    return {
      name: 'scaling.command',
      value: last.cpuMsPerOrder,
      unit: `server CPU ms/order (first on a ${last.length}-event stream)`,
      limit: first.cpuMsPerOrder,
      ratio: coldPhase.cpuRatios[last.length] ?? null,
      goal: `ratio <= ${FLAT_TOLERANCE} (flat: CPU per order on ${first.length}-event streams)`,
      detail: {
        verdict: grows ? 'grows' : 'flat',
        cold: coldPhase,
        warm: warmPhase,
        customers: Object.fromEntries(groups.map((g) => [g.length, g.customers])),
        connections: CONNECTIONS,
        ...plan,
        rounds: ROUNDS,
        events,
        setUpSeconds: setUp,
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
