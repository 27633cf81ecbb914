import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { issueToken } from '@customer-workspace/auth';
import { procStatusBytes, startServer } from './server-process.js';

/**
 * The built api (`apps/api/dist/main.js`) as its own process on a data set, as `npm start`
 * runs it: its memory can be read apart from the load generator's (`/proc/<pid>/status`).
 */
export interface ApiChild {
  readonly baseUrl: string;
  readonly pid: number;
  /** How long its followers took to catch up with the data set after it answered `/health`. */
  readonly catchUpSeconds: number;
  /** A bearer token of an admin agent of `partnerId`. */
  token(partnerId: string): Promise<string>;
  /** Resident set size now, in bytes (`VmRSS`). */
  rss(): number;
  /** Peak resident set size since the last `resetPeak`, in bytes (`VmHWM`). */
  peakRss(): number;
  /** Resets the peak (`/proc/<pid>/clear_refs` ← 5); false where the kernel refuses. */
  resetPeak(): boolean;
  stop(): Promise<void>;
}

/** The longest the api may take to catch its followers up with a data set (1M events: ~1 min). */
const CATCH_UP_TIMEOUT_MS = 600_000;

interface HealthReport {
  readonly checks: readonly { readonly name: string; readonly lag?: string | null }[];
}

/**
 * Waits until every component of `/health` that reports a lag reports 0: on a data set made
 * without the api, its followers (the audit tree above all) start from the first event, and a
 * query timed while they catch up measures their work too. Returns the seconds it took.
 */
async function caughtUp(baseUrl: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const report = (await (await fetch(`${baseUrl}/health`)).json()) as HealthReport;
    const behind = report.checks.filter((check) => check.lag !== undefined && check.lag !== '0');
    if (behind.length === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > CATCH_UP_TIMEOUT_MS)
      throw new Error(`api still behind: ${behind.map((check) => check.name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts the api on `dataDir` (rate limit off, silent), waits for `/health` to answer, then for
 * its followers to catch up with the data set.
 */
export async function startApiChild(dataDir: string): Promise<ApiChild> {
  const secret = randomBytes(32).toString('base64url');
  const server = await startServer(
    'api-read-models',
    'apps/api/dist/main.js',
    { DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', AUTH_JWT_SECRET: secret },
    '/health',
  );
  const { pid } = server;
  const key = new TextEncoder().encode(secret);
  const catchUpSeconds = await caughtUp(server.baseUrl).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  return {
    baseUrl: server.baseUrl,
    pid,
    catchUpSeconds,
    token: (partnerId) => issueToken({ partnerId, roles: ['admin-agent'] }, key),
    rss: () => procStatusBytes(pid, 'VmRSS'),
    peakRss: () => procStatusBytes(pid, 'VmHWM'),
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: () => server.stop(),
  };
}
