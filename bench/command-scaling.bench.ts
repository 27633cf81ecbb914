import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTIONS } from '@customer-workspace/read-models';
import type { BenchResult } from './bench-result.js';
import { COMMAND_CONNECTIONS as CONNECTIONS, startCommandApi } from './command-api.js';
import { flatGrowth } from './growth-verdict.js';
import { load, type LoadRun, medianOf, summary } from './http-load.js';
import { appendLongStreams, type StreamGroup } from './long-streams.js';
import { orderRequests } from './order-workload.js';
import { buildReadModel } from './read-model-data.js';
import { waitUntilIdle } from './server-process.js';

/** CPU per request at a length may be this much above the 10-event case's before it grows. */
const FLAT_TOLERANCE = 1.25;
const ROUNDS = 3;
const LENGTHS = [10, 100, 1_000];

/**
 * Customers per length: enough that the orders of the run lengthen the short streams by about
 * half at most (each order adds one event), few enough that the long ones append in seconds.
 */
const customersOf = (quick: boolean): number[] => (quick ? [600, 200, 50] : [2_000, 600, 150]);

interface Plan {
  readonly warmUpSeconds: number;
  readonly roundSeconds: number;
}

/** The figures of one length: medians of its rounds, and how long its streams got. */
function figuresOf(group: StreamGroup, runs: readonly LoadRun[]) {
  const orders = runs.reduce((sum, run) => sum + run.ok, 0);
  return {
    length: group.length,
    customers: group.customers,
    rps: Math.round(medianOf(runs, (run) => run.rps)),
    p99Ms: medianOf(runs, (run) => run.p99Ms),
    cpuMsPerRequest: medianOf(runs, (run) => run.cpuMsPerRequest),
    meanLengthAtEnd: Math.round(group.length + orders / group.customers),
    rounds: runs.map(summary),
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

async function measure(dataDir: string, groups: StreamGroup[], plan: Plan) {
  const warm: StreamGroup = { length: 10, customers: 200 };
  const made = await appendLongStreams(dataDir, [warm, ...groups]);
  const setUp: Record<string, number> = { append: made.seconds };
  const { api, tokens } = await apiOn(dataDir, made.events, setUp);
  try {
    const [warmIds, ...ids] = made.ids;
    await load(api, orderRequests(warmIds!, tokens.agent), CONNECTIONS, plan.warmUpSeconds);
    // One request set per length for the whole run: each round goes on round-robin.
    const requests = ids.map((group) => orderRequests(group, tokens.agent));
    const runs = groups.map((): LoadRun[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [n, set] of requests.entries()) {
        runs[n]!.push(await load(api, set, CONNECTIONS, plan.roundSeconds));
      }
    }
    return { runs, events: made.events, setUp };
  } finally {
    await api.stop();
  }
}

/**
 * `scaling.command`: the `http.command` load (built api, own process, 50 connections of
 * `POST /v1/customers/{id}/orders`) on customers whose streams hold 10, 100 and 1,000
 * events; rounds alternate the lengths. Held flat against the 10-event case's CPU per order.
 */
export async function commandScalingBenchmark(quick: boolean): Promise<BenchResult> {
  const plan: Plan = quick
    ? { warmUpSeconds: 2, roundSeconds: 2 }
    : { warmUpSeconds: 5, roundSeconds: 5 };
  const groups = customersOf(quick).map((customers, n) => ({ length: LENGTHS[n]!, customers }));
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-streams-'));
  try {
    const { runs, events, setUp } = await measure(dataDir, groups, plan);
    const lengths = groups.map((group, n) => figuresOf(group, runs[n]!));
    const cpu = flatGrowth(
      lengths.map((l) => ({ size: l.length, value: l.cpuMsPerRequest })),
      FLAT_TOLERANCE,
    );
    const rps = flatGrowth(
      lengths.map((l) => ({ size: l.length, value: 1 / l.rps })),
      FLAT_TOLERANCE,
    );
    const p99 = flatGrowth(
      lengths.map((l) => ({ size: l.length, value: l.p99Ms })),
      FLAT_TOLERANCE,
    );
    const [first, last] = [lengths[0]!, lengths.at(-1)!];
    return {
      name: 'scaling.command',
      value: last.cpuMsPerRequest,
      unit: `server CPU ms/order (${last.length}-event streams)`,
      limit: first.cpuMsPerRequest,
      ratio: cpu.ratios[last.length] ?? null,
      goal: `ratio <= ${FLAT_TOLERANCE} (flat: CPU per order on ${first.length}-event streams)`,
      detail: {
        verdict: cpu.verdict,
        worse: cpu.worse,
        cpuRatios: cpu.ratios,
        timePerRequestRatios: rps.ratios,
        p99Ratios: p99.ratios,
        lengths,
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
