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

/** Starts the api on `dataDir` (rate limit off, silent) and waits for `/health` to answer. */
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
  return {
    baseUrl: server.baseUrl,
    pid,
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
