import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, requireBuild } from '../fixtures/dist.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runApi(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [requireBuild('apps/api/src/main.js')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the api as a process (npm start)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-proc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on the embedded store, answers /health, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = runApi({ PORT: String(port), DATA_DIR: join(dir, 'data') });
    await waitFor(() => api.output().includes('listening on'), 'the api to listen');
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('Shut down cleanly');
    // A clean close checkpoints the WAL into the database file and removes it.
    expect(existsSync(join(dir, 'data', 'events.db'))).toBe(true);
    const wal = join(dir, 'data', 'events.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });

  it('stops start-up with a message naming a bad setting', async () => {
    const api = runApi({ PORT: 'eighty', DATA_DIR: dir });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toMatch(/PORT must be a whole number \(got "eighty"\)/);
  });

  it('stops start-up with a message naming an unusable data directory', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    const bad = join(dir, 'file', 'data');
    const api = runApi({ PORT: String(await freePort()), DATA_DIR: bad });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toContain(bad);
  });
});
