import {
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  type JSONEventType,
} from '@eventstore/db-client';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newNoteKey } from '@customer-workspace/audit';
import { issueToken } from '@customer-workspace/auth';
import type { BenchResult } from './bench-result.js';
import { nodeConnectionString, runPrefix } from './esdb-node.js';
import { load, type LoadRun, summary } from './http-load.js';
import { median, percentiles, round } from './latency.js';
import { BENCH_PARTNER, customerBody, customerRequests, seedCustomers } from './order-workload.js';
import { type ServerProcess, startServer } from './server-process.js';

const CONNECTIONS = 50;

interface Plan {
  readonly warmUpSeconds: number;
  readonly rounds: number;
  readonly roundSeconds: number;
}

interface ClientRun {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ok: number;
}

type EsdbCommandResult = BenchResult & { readonly p99Ms: number; readonly limitP99Ms: number };

/**
 * The limit: the store work of adding a customer done with the plain client, `CONNECTIONS` at
 * a time for `seconds`: read the (new) stream, then append one event of the same size as ours
 * with the revision that read gave.
 */
async function plainClient(
  client: EventStoreDBClient,
  prefix: string,
  seconds: number,
): Promise<ClientRun> {
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  const data = customerBody(0) as unknown as JSONEventType['data'];
  const metadata = { correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: 1 };
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const started = process.hrtime.bigint();
      const stream = `${prefix}customer-${randomUUID()}`;
      try {
        for await (const event of client.readStream(stream)) void event;
      } catch (error) {
        if ((error as { type?: string }).type !== 'stream-not-found') throw error;
      }
      const event = jsonEvent({ id: randomUUID(), type: 'CustomerAdded', data, metadata });
      await client.appendToStream(stream, event, { expectedRevision: NO_STREAM });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const wall = (Date.now() - started) / 1000;
  const { p50, p99 } = percentiles(latencies);
  return { rps: latencies.length / wall, p50Ms: p50, p99Ms: p99, ok: latencies.length };
}

/**
 * Waits until the api's subscriptions are live: a fresh deployment's projections start from the
 * beginning of `$all`, and the server scans every foreign event before they go live, which would
 * load the node during the measurement. Live: a new customer is in the list within 100 ms.
 */
async function untilLive(api: ServerProcess, agent: string): Promise<number> {
  const started = Date.now();
  const headers = { authorization: `Bearer ${agent}`, 'content-type': 'application/json' };
  for (let n = 0; Date.now() - started < 180_000; n++) {
    const added = await fetch(`${api.baseUrl}/v1/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify(customerBody(900_000 + n)),
    });
    const { position } = (await added.json()) as { position: string };
    const asked = Date.now();
    const list = await fetch(`${api.baseUrl}/v1/customers?limit=1&minPosition=${position}`, {
      headers,
    });
    if (list.status === 200 && Date.now() - asked < 100) return (Date.now() - started) / 1000;
  }
  throw new Error('The api did not catch up with the node within 180 s');
}

/** The built api on the node under a prefix of its own, rate limit off, with an agent token. */
async function startApi(dataDir: string): Promise<{ api: ServerProcess; agent: string }> {
  const secret = randomBytes(32).toString('base64url');
  const key = new TextEncoder().encode(secret);
  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_JWT_SECRET: secret,
    WEBHOOKS_SECRET_KEY: randomBytes(32).toString('base64url'),
    AUDIT_SIGNING_KEY: newNoteKey('bench').privateKey,
    EVENTSTORE_CONNECTION_STRING: nodeConnectionString(),
    EVENTSTORE_STREAM_PREFIX: runPrefix('api'),
  };
  const api = await startServer('api-esdb', 'apps/api/dist/main.js', env, '/health');
  const operator = await issueToken({ partnerId: 'platform', roles: ['operator'] }, key);
  const agent = await issueToken({ partnerId: BENCH_PARTNER, roles: ['sales-agent'] }, key);
  await seedCustomers(api.baseUrl, { operator, agent }, 0);
  return { api, agent };
}

/**
 * `http.command.esdb`: `POST /v1/customers` through the api on the node against the plain
 * client's read + append, 50 at a time each, rounds alternating, medians compared.
 */
export async function esdbCommandBenchmark(quick: boolean): Promise<EsdbCommandResult> {
  const plan: Plan = quick
    ? { warmUpSeconds: 2, rounds: 3, roundSeconds: 4 }
    : { warmUpSeconds: 5, rounds: 3, roundSeconds: 10 };
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-esdb-'));
  const client = EventStoreDBClient.connectionString(nodeConnectionString());
  const limitPrefix = runPrefix('client');
  let api: ServerProcess | undefined;
  try {
    const started = await startApi(dataDir);
    api = started.api;
    const catchUpSeconds = await untilLive(api, started.agent);
    const requests = customerRequests(started.agent);
    await plainClient(client, limitPrefix, plan.warmUpSeconds);
    await load(api, requests, CONNECTIONS, plan.warmUpSeconds);
    const ours: LoadRun[] = [];
    const limit: ClientRun[] = [];
    for (let round = 0; round < plan.rounds; round++) {
      limit.push(await plainClient(client, limitPrefix, plan.roundSeconds));
      ours.push(await load(api, requests, CONNECTIONS, plan.roundSeconds));
    }
    const value = median(ours.map((run) => run.rps));
    const baseline = median(limit.map((run) => run.rps));
    const p99Ms = median(ours.map((run) => run.p99Ms));
    const limitP99Ms = median(limit.map((run) => run.p99Ms));
    return {
      name: 'http.command.esdb',
      value: Math.round(value),
      unit: 'req/s',
      limit: Math.round(baseline),
      ratio: round(value / baseline),
      p99Ms,
      limitP99Ms,
      goal: 'ratio >= 0.5, p99 <= 2 x the plain client p99',
      detail: {
        node: 'EVENTSTORE_CONNECTION_STRING (same node, same run)',
        connections: CONNECTIONS,
        ...plan,
        p99Ratio: round(p99Ms / limitP99Ms),
        // Until the fresh deployment's subscriptions had scanned the node's log and gone live.
        catchUpSeconds,
        cpuMsPerRequest: median(ours.map((run) => run.cpuMsPerRequest ?? NaN)),
        ours: ours.map(summary),
        limit: limit.map((run) => ({ ...run, rps: Math.round(run.rps) })),
      },
    };
  } finally {
    await api?.stop();
    await client.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
