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

/** An api under test and the orders it is sent. */
interface Arm {
  readonly api: ServerProcess;
  readonly tokens: CommandTokens;
}

/**
 * Warm-up, then rounds alternating limit, ours and ours with the commits on the request
 * thread (`EVENTSTORE_SQLITE_WRITER=inline`, the A/B of the writer thread), then ours and the
 * limit under light load (five connections), then one customer's stream alone (all
 * connections racing on it).
 */
async function measure(arm: Arm, inlineArm: Arm, echo: ServerProcess, plan: Plan) {
  const { api, tokens } = arm;
  const ids = await seedCustomers(api.baseUrl, tokens, CUSTOMERS + 1);
  const hotId = ids.pop() as string;
  const spread = orderRequests(ids, tokens.agent);
  const echoed = orderRequests(ids, tokens.agent);
  const inlineIds = await seedCustomers(inlineArm.api.baseUrl, inlineArm.tokens, CUSTOMERS);
  const inlineSpread = orderRequests(inlineIds, inlineArm.tokens.agent);
  await load(echo, echoed, CONNECTIONS, plan.warmUpSeconds);
  const warm = await load(api, spread, CONNECTIONS, plan.warmUpSeconds);
  await load(inlineArm.api, inlineSpread, CONNECTIONS, plan.warmUpSeconds);
  const ours: LoadRun[] = [];
  const limit: LoadRun[] = [];
  const inline: LoadRun[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    limit.push(await load(echo, echoed, CONNECTIONS, plan.roundSeconds));
    ours.push(await load(api, spread, CONNECTIONS, plan.roundSeconds));
    inline.push(await load(inlineArm.api, inlineSpread, CONNECTIONS, plan.roundSeconds));
  }
  // Closed-loop p99 at saturation is mostly queueing (Little's law: 50 connections / req/s).
  // Five connections show what a request costs when barely queued, beside the echo's figure.
  // (autocannon's rate limits send each second's quota in a burst: no use for this.)
  const light = await load(api, spread, LIGHT_CONNECTIONS, plan.hotSeconds);
  const lightLimit = await load(echo, echoed, LIGHT_CONNECTIONS, plan.hotSeconds);
  const hot = await load(api, orderRequests([hotId], tokens.agent), CONNECTIONS, plan.hotSeconds);
  const placed = [...ours, light].reduce((sum, round) => sum + round.ok, warm.ok);
  const ordersPerCustomer = Math.round(placed / CUSTOMERS);
  return { ours, limit, inline, light, lightLimit, hot, ordersPerCustomer };
}

const toMb = (bytes: number | undefined) =>
  bytes === undefined ? null : Math.round(bytes / 2 ** 20);

function toResult(
  plan: Plan,
  measured: Awaited<ReturnType<typeof measure>>,
  peakRss: { readonly thread: number | undefined; readonly inline: number | undefined },
): HttpCommandResult {
  const { ours, limit, inline, light, lightLimit, hot, ordersPerCustomer } = measured;
  const value = medianOf(ours, (run) => run.rps);
  const baseline = medianOf(limit, (run) => run.rps);
  const cpuOurs = medianOf(ours, (run) => run.cpuMsPerRequest);
  const cpuLimit = medianOf(limit, (run) => run.cpuMsPerRequest);
  const inlineRps = medianOf(inline, (run) => run.rps);
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
      server: 'apps/api/dist/main.js, own process; embedded store, synchronous=FULL, writer thread',
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
      // The same api with its commits on the request thread, in the same rounds.
      inlineWriter: {
        rps: Math.round(inlineRps),
        p99Ms: medianOf(inline, (run) => run.p99Ms),
        cpuMsPerRequest: medianOf(inline, (run) => run.cpuMsPerRequest),
        threadOverInline: Number((value / inlineRps).toFixed(2)),
        peakRssMb: toMb(peakRss.inline),
        rounds: inline.map(summary),
      },
      // Each order folds every earlier event of its customer's stream: cost grows with this.
      ordersPerCustomerAtEnd: ordersPerCustomer,
      lightLoad: {
        connections: LIGHT_CONNECTIONS,
        ours: summary(light),
        limit: summary(lightLimit),
      },
      hotStream: { customers: 1, ...summary(hot) },
      // The api's VmHWM read at the end of the load, before it stops (`memory.api`).
      peakRssMb: toMb(peakRss.thread),
    },
  };
}

/** `POST /v1/customers/{id}/orders` against a validate-and-echo route on the same stack. */
export async function httpCommandBenchmark(quick: boolean): Promise<HttpCommandResult> {
  const plan: Plan = quick
    ? { warmUpSeconds: 2, rounds: 3, roundSeconds: 3, hotSeconds: 3 }
    : { warmUpSeconds: 5, rounds: 3, roundSeconds: 10, hotSeconds: 10 };
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-http-'));
  const inlineDir = mkdtempSync(join(tmpdir(), 'cw-bench-http-inline-'));
  const servers: ServerProcess[] = [];
  try {
    const arm = await startCommandApi(dataDir);
    servers.push(arm.api);
    const inlineEnv = { EVENTSTORE_SQLITE_WRITER: 'inline' };
    const inlineArm = await startCommandApi(inlineDir, inlineEnv, 'api-inline-writer');
    servers.push(inlineArm.api);
    const echo = await startServer('order-echo', 'bench/dist/order-echo.server.js', {}, '/');
    servers.push(echo);
    const measured = await measure(arm, inlineArm, echo, plan);
    const peakRss = { thread: arm.api.peakRssBytes(), inline: inlineArm.api.peakRssBytes() };
    return toResult(plan, measured, peakRss);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(inlineDir, { recursive: true, force: true });
  }
}
