import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository's root: every package's compiled code is in its own `dist/` (bench/*.js run from `bench/dist`). */
export const distRoot = join(__dirname, '..', '..');

export interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** CPU seconds (user + system) the server used so far; undefined where /proc is missing. */
  cpuSeconds(): number | undefined;
  /** Peak resident set size so far, in bytes (`VmHWM`); undefined where /proc is missing. */
  peakRssBytes(): number | undefined;
  /** SIGTERM, then waits for the exit (so a `--cpu-prof` profile is written). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Node flags for a server under load: `BENCH_CPU_PROF=<dir>` profiles it (`--cpu-prof`), so a
 * missed goal can be explained with the profile of the very run that missed it.
 */
function nodeFlags(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
}

/**
 * Starts `dist/<script>` as its own process on 127.0.0.1 and a free port, and waits until
 * `readyPath` answers: the server has a core and an event loop of its own, as in production,
 * instead of sharing them with the load generator.
 */
export async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  readyPath: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags(name), join(distRoot, script)], {
    env: { PATH: process.env.PATH ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseUrl}${readyPath}`, child, () => stderr);
  return {
    baseUrl,
    pid: child.pid!,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    peakRssBytes: () => {
      try {
        return procStatusBytes(child.pid!, 'VmHWM');
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited: ${stderr()}`);
    const ok = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${url}: server not ready after 60 s: ${stderr()}`);
}

/** Linux: utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Linux: a memory figure of `/proc/<pid>/status` (`VmRSS` now, `VmHWM` its peak), in bytes. */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(kb) * 1024;
}

/**
 * A server's CPU share below which it counts as idle: 5% of a core, or 40% while it is
 * profiled (`BENCH_CPU_PROF`): the sampling profiler's threads alone keep about a quarter of a
 * core busy, and an idle wait would otherwise run to its limit after every round.
 */
const IDLE_CPU_SHARE = process.env.BENCH_CPU_PROF ? 0.4 : 0.05;

/**
 * Waits until `server` spends under `IDLE_CPU_SHARE` of a core for two seconds in a row (its
 * start-up work done: projections and the audit tree caught up with a store made before it
 * started), at most `maxSeconds`. Returns the seconds waited; at once where /proc is missing.
 */
export async function waitUntilIdle(server: ServerProcess, maxSeconds = 300): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let before = server.cpuSeconds();
  while (before !== undefined && quiet < 2 && Date.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = server.cpuSeconds() ?? before;
    quiet = now - before < IDLE_CPU_SHARE ? quiet + 1 : 0;
    before = now;
  }
  return (Date.now() - started) / 1000;
}
