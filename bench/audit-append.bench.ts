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

interface Plan {
  readonly warmUpSeconds: number;
  readonly rounds: number;
  readonly roundSeconds: number;
}

interface Api {
  readonly api: ServerProcess;
  readonly tokens: CommandTokens;
}

/** Where the tree of the api that keeps one stood at the end of a round (`/health`). */
interface TreeAtEnd {
  readonly treeSize: number;
  /** Positions the tree was behind the log when the round ended. */
  readonly lag: string;
  readonly checkpointTreeSize: number | null;
}

type AppendResult = BenchResult & { readonly p99Ms: number; readonly limitP99Ms: number };

async function treeOf(api: Api): Promise<TreeAtEnd> {
  const health = (await (await fetch(`${api.api.baseUrl}/health`)).json()) as {
    checks: { name: string; treeSize: number; lag: string; checkpointTreeSize: number | null }[];
  };
  const check = health.checks.find((c) => c.name === 'process:audit-tree');
  if (!check) throw new Error('The api keeping the tree shows no process:audit-tree');
  return { treeSize: check.treeSize, lag: check.lag, checkpointTreeSize: check.checkpointTreeSize };
}

/**
 * Both apis get the same customers and warm-up; rounds alternate without and with the tree,
 * and after each round with it, where its tree stood (it follows the log in the same process,
 * so a tree left behind would make the command path look cheaper than it is).
 */
async function measure(off: Api, on: Api, plan: Plan) {
  const seeded = async ({ api, tokens }: Api) =>
    orderRequests(await seedCustomers(api.baseUrl, tokens, CUSTOMERS), tokens.agent);
  const [offOrders, onOrders] = await Promise.all([seeded(off), seeded(on)]);
  await load(off.api, offOrders, CONNECTIONS, plan.warmUpSeconds);
  await load(on.api, onOrders, CONNECTIONS, plan.warmUpSeconds);
  const ours: { run: LoadRun; tree: TreeAtEnd }[] = [];
  const limit: LoadRun[] = [];
  for (let i = 0; i < plan.rounds; i++) {
    limit.push(await load(off.api, offOrders, CONNECTIONS, plan.roundSeconds));
    const run = await load(on.api, onOrders, CONNECTIONS, plan.roundSeconds);
    ours.push({ run, tree: await treeOf(on) });
  }
  return { ours, limit };
}

function toResult(plan: Plan, measured: Awaited<ReturnType<typeof measure>>): AppendResult {
  const runs = measured.ours.map(({ run }) => run);
  const { limit } = measured;
  const value = medianOf(runs, (run) => run.rps);
  const baseline = medianOf(limit, (run) => run.rps);
  const cpuOurs = medianOf(runs, (run) => run.cpuMsPerRequest);
  const cpuLimit = medianOf(limit, (run) => run.cpuMsPerRequest);
  return {
    name: 'audit.append',
    value: Math.round(value),
    unit: 'req/s',
    limit: Math.round(baseline),
    ratio: round(value / baseline),
    p99Ms: medianOf(runs, (run) => run.p99Ms),
    limitP99Ms: medianOf(limit, (run) => run.p99Ms),
    goal: 'ratio >= 0.9 (the tree kept within 10% of AUDIT_TREE=off)',
    detail: {
      load: 'http.command: POST /v1/customers/{id}/orders by the bench partner’s sales agent',
      server: 'apps/api/dist/main.js, own process each; embedded store, synchronous=FULL',
      ours: 'AUDIT_TREE=on, AUDIT_CHECKPOINT_INTERVAL_MS default (10 s)',
      limit: 'AUDIT_TREE=off',
      connections: CONNECTIONS,
      customers: CUSTOMERS,
      ...plan,
      // The api's CPU per answered order, the tree's upkeep included.
      cpuMsPerRequest: { ours: cpuOurs, limit: cpuLimit, ratio: round(cpuLimit / cpuOurs) },
      roundsWithTree: measured.ours.map(({ run, tree }) => ({ ...summary(run), tree })),
      roundsWithout: limit.map(summary),
    },
  };
}

/**
 * `audit.append`: the `http.command` load on an api that keeps the audit tree against the same
 * load on one with `AUDIT_TREE=off`, in the same run.
 */
export async function auditAppendBenchmark(quick: boolean): Promise<AppendResult> {
  const plan: Plan = quick
    ? { warmUpSeconds: 2, rounds: 3, roundSeconds: 3 }
    : { warmUpSeconds: 5, rounds: 5, roundSeconds: 10 };
  const names = ['off', 'on'] as const;
  const dirs = names.map((name) => mkdtempSync(join(tmpdir(), `cw-bench-audit-${name}-`)));
  const apis: Api[] = [];
  try {
    for (const [i, name] of names.entries())
      apis.push(
        await startCommandApi(dirs[i] as string, { AUDIT_TREE: name }, `api-audit-${name}`),
      );
    return toResult(plan, await measure(apis[0] as Api, apis[1] as Api, plan));
  } finally {
    for (const { api } of apis.reverse()) await api.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
