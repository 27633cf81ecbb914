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
import { round } from './latency.js';
import { orderRequests, seedCustomers } from './order-workload.js';
import type { ServerProcess } from './server-process.js';
import { deliveryTotals, LOOPBACK_WEBHOOKS, registerEndpoints } from './webhook-endpoints.js';
import type { WebhookReceiver } from './webhook-receiver.js';

/** Endpoints subscribed to what the load's commands produce (`order-created`). */
const ENDPOINTS = 10;

interface Plan {
  readonly warmUpSeconds: number;
  readonly rounds: number;
  readonly roundSeconds: number;
  /** The longest wait for the deliveries of a round to reach the receiver after it. */
  readonly drainSeconds: number;
}

interface Api {
  readonly api: ServerProcess;
  readonly tokens: CommandTokens;
}

/** A round with endpoints, and what its deliveries did during it and after. */
interface WithEndpoints {
  readonly run: LoadRun;
  readonly deliveredDuringRound: number;
  /** Deliveries the outbox held pending at the end of the round. */
  readonly backlogAtEnd: number;
  /** From the end of the round until nothing was pending (null: not in time). */
  readonly drainSeconds: number | null;
  readonly receiverCpuBusy?: number;
}

type Orders = ReturnType<typeof orderRequests>;

type CommandResult = BenchResult & { readonly p99Ms: number; readonly limitP99Ms: number };

/** The deliveries the outbox of `api` holds pending, over the endpoints `ids`. */
async function pendingOf(api: Api, ids: readonly string[]): Promise<number> {
  const totals = await deliveryTotals(api.api.baseUrl, api.tokens.admin, ids, 'pending');
  return totals.reduce((sum, total) => sum + total, 0);
}

/** Seconds until nothing is pending (polled slowly: the api is not measured then); null: not in time. */
async function drain(api: Api, ids: readonly string[], timeoutSeconds: number) {
  const started = Date.now();
  while ((await pendingOf(api, ids)) > 0) {
    if (Date.now() - started > timeoutSeconds * 1000) return null;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return round((Date.now() - started) / 1000, 1);
}

/**
 * One `http.command` round against the api with endpoints, then the wait until its outbox has
 * delivered everything (autocannon does not count the answers still in flight at the end, so
 * the outbox, not the load's count, says when the backlog is gone).
 */
async function roundWithEndpoints(
  api: Api,
  ids: readonly string[],
  requests: Orders,
  receiver: WebhookReceiver,
  plan: Plan,
): Promise<WithEndpoints> {
  const before = (await receiver.stats()).received;
  const cpuBefore = receiver.server.cpuSeconds();
  const run = await load(api.api, requests, CONNECTIONS, plan.roundSeconds);
  const cpuAfter = receiver.server.cpuSeconds();
  const during = (await receiver.stats()).received - before;
  const backlogAtEnd = await pendingOf(api, ids);
  return {
    run,
    deliveredDuringRound: during,
    backlogAtEnd,
    drainSeconds: await drain(api, ids, plan.drainSeconds),
    ...(cpuBefore !== undefined &&
      cpuAfter !== undefined && {
        receiverCpuBusy: round((cpuAfter - cpuBefore) / plan.roundSeconds),
      }),
  };
}

/**
 * Both apis get the same customers and warm-up; only then does `ten` get its endpoints (so only
 * the measured orders are delivered). Rounds alternate none and ten; after each round with
 * endpoints, its deliveries are waited for, so that every round starts with no backlog.
 */
async function measure(none: Api, ten: Api, receiver: WebhookReceiver, plan: Plan) {
  const seeded = async ({ api, tokens }: Api): Promise<Orders> =>
    orderRequests(await seedCustomers(api.baseUrl, tokens, CUSTOMERS), tokens.agent);
  const [noneOrders, tenOrders] = await Promise.all([seeded(none), seeded(ten)]);
  // Warmed up before the endpoints exist: no backlog to wait for.
  await load(none.api, noneOrders, CONNECTIONS, plan.warmUpSeconds);
  await load(ten.api, tenOrders, CONNECTIONS, plan.warmUpSeconds);
  const urls = receiver.urls.slice(0, ENDPOINTS);
  const ids = await registerEndpoints(ten.api.baseUrl, ten.tokens.admin, urls, ['order-created']);
  const ours: WithEndpoints[] = [];
  const limit: LoadRun[] = [];
  for (let i = 0; i < plan.rounds; i++) {
    limit.push(await load(none.api, noneOrders, CONNECTIONS, plan.roundSeconds));
    ours.push(await roundWithEndpoints(ten, ids, tenOrders, receiver, plan));
  }
  const sum = async (state: 'pending' | 'delivered' | 'failed') =>
    (await deliveryTotals(ten.api.baseUrl, ten.tokens.admin, ids, state)).reduce((a, b) => a + b);
  const deliveries = {
    delivered: await sum('delivered'),
    pending: await sum('pending'),
    failed: await sum('failed'),
  };
  return { ours, limit, deliveries };
}

function toResult(plan: Plan, measured: Awaited<ReturnType<typeof measure>>): CommandResult {
  const { ours, limit, deliveries } = measured;
  const runs = ours.map((round) => round.run);
  const value = medianOf(runs, (run) => run.rps);
  const baseline = medianOf(limit, (run) => run.rps);
  const cpuOurs = medianOf(runs, (run) => run.cpuMsPerRequest);
  const cpuLimit = medianOf(limit, (run) => run.cpuMsPerRequest);
  return {
    name: 'webhooks.delivery.command',
    value: Math.round(value),
    unit: 'req/s',
    limit: Math.round(baseline),
    ratio: round(value / baseline),
    p99Ms: medianOf(runs, (run) => run.p99Ms),
    limitP99Ms: medianOf(limit, (run) => run.p99Ms),
    goal: 'ratio >= 0.9 (ten endpoints within 10% of none)',
    detail: {
      load: 'http.command: POST /v1/customers/{id}/orders by the bench partner’s sales agent',
      endpoints: ENDPOINTS,
      events: ['order-created'],
      connections: CONNECTIONS,
      customers: CUSTOMERS,
      ...plan,
      // The api's CPU per answered order, delivery work included (the receiver's is not).
      cpuMsPerRequest: { ours: cpuOurs, limit: cpuLimit, ratio: round(cpuLimit / cpuOurs) },
      ours: ours.map(({ run, ...rest }) => ({ ...summary(run), ...rest })),
      limit: limit.map(summary),
      deliveriesAtEnd: deliveries,
    },
  };
}

/** `webhooks.delivery.command`: the `http.command` load with ten endpoints against none. */
export async function webhooksCommandBenchmark(
  quick: boolean,
  receiver: WebhookReceiver,
): Promise<CommandResult> {
  const plan: Plan = quick
    ? { warmUpSeconds: 2, rounds: 3, roundSeconds: 2, drainSeconds: 60 }
    : { warmUpSeconds: 5, rounds: 3, roundSeconds: 5, drainSeconds: 180 };
  const dirs = ['none', 'ten'].map((name) => mkdtempSync(join(tmpdir(), `cw-bench-wh-${name}-`)));
  const apis: Api[] = [];
  try {
    for (const [i, name] of ['none', 'ten'].entries())
      apis.push(
        await startCommandApi(dirs[i] as string, LOOPBACK_WEBHOOKS, `api-webhooks-${name}`),
      );
    return toResult(plan, await measure(apis[0] as Api, apis[1] as Api, receiver, plan));
  } finally {
    for (const { api } of apis.reverse()) await api.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
