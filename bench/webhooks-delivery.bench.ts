import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './bench-result.js';
import { startCommandApi } from './command-api.js';
import { median, round } from './latency.js';
import { addCustomers, registerBenchPartner } from './order-workload.js';
import { LOOPBACK_WEBHOOKS, registerEndpoints, waitForTotals } from './webhook-endpoints.js';
import {
  type ReceivedSample,
  receivedPerSecond,
  type ReceiverStats,
  startWebhookReceiver,
  type WebhookReceiver,
} from './webhook-receiver.js';
import { webhooksCommandBenchmark } from './webhooks-command.js';

/** Endpoints of the bench partner, each on a port of its own: ten deliveries in flight at most. */
const ENDPOINTS = 10;
/** How long a backlog (or the baseline) may take to reach the receiver. */
const ROUND_TIMEOUT_MS = 60_000;

interface Plan {
  readonly rounds: number;
  /** Customers of the backlog: each one is a delivery to every endpoint, every round. */
  readonly customers: number;
}

interface Round {
  readonly perSecond: number;
  readonly received: number;
  readonly seconds: number;
}

const roundOf = (stats: ReceiverStats, expected: number): Round => {
  if (stats.received < expected)
    throw new Error(`${stats.received} of ${expected} requests reached the receiver in time`);
  return {
    perSecond: Math.round(receivedPerSecond(stats)),
    received: stats.received,
    seconds: round(((stats.lastMs ?? NaN) - (stats.firstMs ?? NaN)) / 1000, 3),
  };
};

/**
 * The backlog, made through the api with delivery off: the partner, the endpoints, then the
 * customers over HTTP, until each endpoint has every one of them pending; the api is stopped
 * after.
 */
async function makeBacklog(dataDir: string, receiver: WebhookReceiver, plan: Plan): Promise<void> {
  const env = { ...LOOPBACK_WEBHOOKS, WEBHOOKS_DELIVERY: 'off' };
  const { api, tokens } = await startCommandApi(dataDir, env, 'api-webhooks-backlog');
  try {
    await registerBenchPartner(api.baseUrl, tokens.operator);
    const events = ['customer-created'];
    const ids = await registerEndpoints(api.baseUrl, tokens.admin, receiver.urls, events);
    await addCustomers(api.baseUrl, tokens.agent, plan.customers);
    await waitForTotals(api.baseUrl, tokens.admin, ids, 'pending', plan.customers, 30_000);
  } finally {
    await api.stop();
  }
}

/**
 * The outbox, dispatcher and sender alone: the api starts with delivery on, on a copy of the
 * backlog's DATA_DIR, and the receiver times the first to the last delivery. The command path
 * and the start-up are outside the timed span.
 */
async function deliveryRound(receiver: WebhookReceiver, backlog: string, plan: Plan) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-webhooks-round-'));
  try {
    cpSync(backlog, dataDir, { recursive: true });
    await receiver.reset();
    const env = { ...LOOPBACK_WEBHOOKS, WEBHOOKS_DELIVERY: 'on' };
    const { api } = await startCommandApi(dataDir, env, 'api-webhooks-delivery');
    try {
      const expected = plan.customers * ENDPOINTS;
      return roundOf(await receiver.waitFor(expected, ROUND_TIMEOUT_MS), expected);
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The limit: one plain `fetch` loop per endpoint URL (as many requests in flight as the
 * dispatcher may have for these endpoints: one each), each sending `perEndpoint` copies of a
 * delivery the receiver got (same body, same `webhook-*` headers) one after the other.
 */
async function fetchRound(
  receiver: WebhookReceiver,
  sample: ReceivedSample,
  perEndpoint: number,
): Promise<Round> {
  await receiver.reset();
  const deadline = AbortSignal.timeout(ROUND_TIMEOUT_MS);
  await Promise.all(
    receiver.urls.map(async (url) => {
      for (let i = 0; i < perEndpoint; i++) {
        const init = {
          method: 'POST',
          headers: sample.headers,
          body: sample.body,
          signal: deadline,
        };
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (response.status !== 204) throw new Error(`${url}: ${response.status}`);
      }
    }),
  );
  return roundOf(await receiver.stats(), perEndpoint * receiver.urls.length);
}

async function sampleOf(receiver: WebhookReceiver): Promise<ReceivedSample> {
  const sample = await receiver.sample();
  if (sample === null) throw new Error('The receiver kept no delivery');
  return sample;
}

async function measure(receiver: WebhookReceiver, plan: Plan) {
  const ours: Round[] = [];
  const limit: Round[] = [];
  // The receiver warmed up first, with a body of about a delivery's size.
  const warmUp = { headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(300)}"` };
  await fetchRound(receiver, warmUp, 2 * plan.customers);
  const backlog = mkdtempSync(join(tmpdir(), 'cw-bench-webhooks-'));
  try {
    await makeBacklog(backlog, receiver, plan);
    for (let i = 0; i < plan.rounds; i++) {
      ours.push(await deliveryRound(receiver, backlog, plan));
      limit.push(await fetchRound(receiver, await sampleOf(receiver), plan.customers));
    }
  } finally {
    rmSync(backlog, { recursive: true, force: true });
  }
  return { ours, limit, bodyBytes: Buffer.byteLength((await sampleOf(receiver)).body) };
}

function toResult(plan: Plan, measured: Awaited<ReturnType<typeof measure>>): BenchResult {
  const { ours, limit, bodyBytes } = measured;
  const value = median(ours.map((run) => run.perSecond));
  const baseline = median(limit.map((run) => run.perSecond));
  return {
    name: 'webhooks.delivery',
    value,
    unit: 'deliveries/s',
    limit: baseline,
    ratio: round(value / baseline),
    goal: 'ratio >= 0.5',
    detail: {
      server:
        'apps/api/dist/main.js, own process, restarted with WEBHOOKS_DELIVERY=on on a backlog',
      receiver: 'node:http in its own process, 204, one 127.0.0.1 port per endpoint',
      endpoints: ENDPOINTS,
      inFlight: ENDPOINTS,
      ...plan,
      deliveriesPerRound: plan.customers * ENDPOINTS,
      bodyBytes,
      ours,
      limit,
    },
  };
}

/**
 * `webhooks.delivery`: deliveries per second from the api's outbox, dispatcher and sender
 * against plain `fetch` loops to the same receiver; then `webhooks.delivery.command`, the
 * `http.command` load with ten endpoints subscribed against none.
 */
export async function webhooksDeliveryBenchmark(quick: boolean): Promise<BenchResult[]> {
  const plan: Plan = quick ? { rounds: 3, customers: 100 } : { rounds: 5, customers: 400 };
  const receiver = await startWebhookReceiver(ENDPOINTS);
  try {
    const delivery = toResult(plan, await measure(receiver, plan));
    return [delivery, await webhooksCommandBenchmark(quick, receiver)];
  } finally {
    await receiver.server.stop();
  }
}
