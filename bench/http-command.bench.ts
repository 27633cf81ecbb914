import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './bench-result.js';
import {
  COMMAND_CONNECTIONS as CONNECTIONS,
  COMMAND_CUSTOMERS as CUSTOMERS,
  type CommandTokens,
  startCommandApi,
} from './command-api.js';
import { load, type LoadRun, medianOf, summary } from './http-load.js';
import { orderRequests, seedCustomers } from './order-workload.js';
import { type ServerProcess, startServer } from './server-process.js';

const LIGHT_CONNECTIONS = 5;

interface Plan {
  readonly warmUpSeconds: number;
  readonly rounds: number;
  readonly roundSeconds: number;
  readonly hotSeconds: number;
}

type HttpCommandResult = BenchResult & { readonly p99Ms: number; readonly limitP99Ms: number };

/**
 * Warm-up, then rounds alternating limit and ours, then both under light load (five
 * connections), then one customer's stream alone (all connections racing on it).
 */
async function measure(api: ServerProcess, echo: ServerProcess, tokens: CommandTokens, plan: Plan) {
  const ids = await seedCustomers(api.baseUrl, tokens, CUSTOMERS + 1);
  const hotId = ids.pop() as string;
  const spread = orderRequests(ids, tokens.agent);
  const echoed = orderRequests(ids, tokens.agent);
  await load(echo, echoed, CONNECTIONS, plan.warmUpSeconds);
  const warm = await load(api, spread, CONNECTIONS, plan.warmUpSeconds);
  const ours: LoadRun[] = [];
  const limit: LoadRun[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    limit.push(await load(echo, echoed, CONNECTIONS, plan.roundSeconds));
    ours.push(await load(api, spread, CONNECTIONS, plan.roundSeconds));
  }
  // Closed-loop p99 at saturation is mostly queueing (Little's law: 50 connections / req/s).
  // Five connections show what a request costs when barely queued, beside the echo's figure.
  // (autocannon's rate limits send each second's quota in a burst: no use for this.)
  const light = await load(api, spread, LIGHT_CONNECTIONS, plan.hotSeconds);
  const lightLimit = await load(echo, echoed, LIGHT_CONNECTIONS, plan.hotSeconds);
  const hot = await load(api, orderRequests([hotId], tokens.agent), CONNECTIONS, plan.hotSeconds);
  const placed = [...ours, light].reduce((sum, round) => sum + round.ok, warm.ok);
  return { ours, limit, light, lightLimit, hot, ordersPerCustomer: Math.round(placed / CUSTOMERS) };
}

function toResult(
  plan: Plan,
  measured: Awaited<ReturnType<typeof measure>>,
  peakRssBytes: number | undefined,
): HttpCommandResult {
  const { ours, limit, light, lightLimit, hot, ordersPerCustomer } = measured;
  const value = medianOf(ours, (run) => run.rps);
  const baseline = medianOf(limit, (run) => run.rps);
  const cpuOurs = medianOf(ours, (run) => run.cpuMsPerRequest);
  const cpuLimit = medianOf(limit, (run) => run.cpuMsPerRequest);
  return {
    name: 'http.command',
    value: Math.round(value),
    unit: 'req/s',
    limit: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(2)),
    p99Ms: medianOf(ours, (run) => run.p99Ms),
    limitP99Ms: medianOf(limit, (run) => run.p99Ms),
    goal: 'ratio >= 0.5, p99 < 25 ms',
    detail: {
      server: 'apps/api/dist/main.js, own process; embedded store, synchronous=FULL',
      connections: CONNECTIONS,
      customers: CUSTOMERS,
      ...plan,
      // Server CPU per answered request: less disturbed by other load on the machine.
      cpuMsPerRequest: {
        ours: cpuOurs,
        limit: cpuLimit,
        ratio: Number((cpuLimit / cpuOurs).toFixed(2)),
      },
      ours: ours.map(summary),
      limit: limit.map(summary),
      // Each order folds every earlier event of its customer's stream: cost grows with this.
      ordersPerCustomerAtEnd: ordersPerCustomer,
      lightLoad: {
        connections: LIGHT_CONNECTIONS,
        ours: summary(light),
        limit: summary(lightLimit),
      },
      hotStream: { customers: 1, ...summary(hot) },
      // The api's VmHWM read at the end of the load, before it stops (`memory.api`).
      peakRssMb: peakRssBytes === undefined ? null : Math.round(peakRssBytes / 2 ** 20),
    },
  };
}

/** `POST /v1/customers/{id}/orders` against a validate-and-echo route on the same stack. */
export async function httpCommandBenchmark(quick: boolean): Promise<HttpCommandResult> {
  const plan: Plan = quick
    ? { warmUpSeconds: 2, rounds: 3, roundSeconds: 3, hotSeconds: 3 }
    : { warmUpSeconds: 5, rounds: 3, roundSeconds: 10, hotSeconds: 10 };
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-http-'));
  const servers: ServerProcess[] = [];
  try {
    const { api, tokens } = await startCommandApi(dataDir);
    servers.push(api);
    servers.push(await startServer('order-echo', 'bench/dist/order-echo.server.js', {}, '/'));
    const measured = await measure(api, servers[1] as ServerProcess, tokens, plan);
    return toResult(plan, measured, api.peakRssBytes());
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
