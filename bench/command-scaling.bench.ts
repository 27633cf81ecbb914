import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTIONS } from '@customer-workspace/read-models';
import type { BenchResult } from './bench-result.js';
import {
  CONNECTIONS,
  figuresOf,
  FLAT_TOLERANCE,
  LENGTHS,
  phaseOf,
  type Plan,
  round,
  type Round,
  ROUNDS,
} from './command-rounds.js';
import { type CommandTokens, startCommandApi } from './command-api.js';
import { load } from './http-load.js';
import { appendLongStreams } from './long-streams.js';
import { orderRequests } from './order-workload.js';
import { buildReadModel } from './read-model-data.js';
import { type ServerProcess, waitUntilIdle } from './server-process.js';

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
