import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { issueToken } from '../apps/api/src/auth/tokens.js';

/**
 * The built api (`dist/apps/api/src/main.js`) as its own process on a data set, as `npm start`
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `BENCH_CPU_PROF=<dir>` profiles the api (`--cpu-prof`): a missed goal's own profile. */
function profileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir
    ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=api-read-models.cpuprofile']
    : [];
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(kb) * 1024;
}

/** Starts the api on `dataDir` (rate limit off, silent) and waits for `/health` to say 200. */
export async function startApiChild(dataDir: string): Promise<ApiChild> {
  const secret = randomBytes(32).toString('base64url');
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_JWT_SECRET: secret,
  };
  const main = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
  const child = spawn(process.execPath, [...profileFlags(), main], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => stderr);
  const pid = child.pid!;
  const key = new TextEncoder().encode(secret);
  return {
    baseUrl,
    pid,
    token: (partnerId) => issueToken({ partnerId, roles: ['admin-agent'] }, key),
    rss: () => statusField(pid, 'VmRSS'),
    peakRss: () => statusField(pid, 'VmHWM'),
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The api exited: ${stderr()}`);
    const status = await fetch(`${baseUrl}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The api was not healthy after 60 s: ${stderr()}`);
}
