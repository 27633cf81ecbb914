import autocannon from 'autocannon';
import { median } from './latency.js';
import type { ServerProcess } from './server-process.js';

export interface LoadRun {
  /** Successful (2xx) responses per second. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly ok: number;
  /** Requests sent, the ones still in flight when the load stopped included. */
  readonly sent: number;
  /** Responses other than 2xx, by status, plus connection errors and timeouts. */
  readonly failures: Record<string, number>;
  /** The server's CPU time per successful response (Linux). */
  readonly cpuMsPerRequest?: number;
  /** The server's CPU time over the wall time: near 1 (or above) means it was CPU-bound. */
  readonly cpuBusy?: number;
}

const failuresOf = (result: autocannon.Result): Record<string, number> => {
  const failures: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    if (!status.startsWith('2')) failures[status] = count;
  }
  if (result.errors) failures.errors = result.errors;
  if (result.timeouts) failures.timeouts = result.timeouts;
  return failures;
};

/**
 * `connections` keep-alive connections over loopback for `seconds` (the load is bounded in
 * time), each sending the next of `requests` as soon as its previous answer arrived. Also
 * reads the server's CPU time: a figure that contention from other processes on a small
 * machine disturbs less than req/s.
 */
export async function load(
  server: ServerProcess,
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
  /** Instead of `seconds`: this many requests in all, every one answered before it returns. */
  amount?: number,
): Promise<LoadRun> {
  const cpuBefore = server.cpuSeconds();
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: server.baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    requests,
    ...(amount !== undefined && { amount }),
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = server.cpuSeconds();
  const figures: LoadRun = {
    rps: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ok: result['2xx'],
    sent: result.requests.sent,
    failures: failuresOf(result),
  };
  if (cpuBefore === undefined || cpuAfter === undefined || figures.ok === 0) return figures;
  const cpu = cpuAfter - cpuBefore;
  return {
    ...figures,
    cpuMsPerRequest: Number(((cpu * 1000) / figures.ok).toFixed(3)),
    cpuBusy: Number((cpu / wall).toFixed(2)),
  };
}

/** A run as `detail` records it. */
export const summary = ({ rps, ok: _ok, sent: _sent, failures, ...rest }: LoadRun) => ({
  rps: Math.round(rps),
  ...rest,
  ...(Object.keys(failures).length ? { failures } : {}),
});

/** The median over `runs` of one figure of each (NaN where a run lacks it). */
export const medianOf = (runs: readonly LoadRun[], figure: (run: LoadRun) => number | undefined) =>
  median(runs.map((run) => figure(run) ?? NaN));
