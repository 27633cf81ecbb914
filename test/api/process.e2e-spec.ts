import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runApi, waitFor } from '../fixtures/api-process.js';

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
