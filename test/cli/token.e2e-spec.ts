import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from '@customer-workspace/auth';
import { verifyToken } from '@customer-workspace/auth';
import { repoRoot, requireBuild } from '../fixtures/dist.js';

function cli(env: Record<string, string>, ...args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [requireBuild('apps/cli/dist/main.js'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

describe('cli token', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-token-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('mints a token the api accepts, with the secret generated in DATA_DIR', async () => {
    const run = cli(
      { DATA_DIR: dir },
      'token',
      '--partner',
      'contoso',
      '--role',
      'admin-agent',
      '--role',
      'sales-agent',
      '--upn',
      'jana@contoso.cz',
    );
    expect(run.status).toBe(0);
    const key = resolveJwtSecret({
      AUTH_JWT_SECRET: undefined,
      EVENTSTORE_CONNECTION_STRING: undefined,
      DATA_DIR: dir,
    });
    const principal = await verifyToken((run.stdout as string).trim(), key);
    expect(principal).toMatchObject({
      partnerId: 'contoso',
      roles: ['admin-agent', 'sales-agent'],
      upn: 'jana@contoso.cz',
    });
  });

  it('uses AUTH_JWT_SECRET when it is set', async () => {
    const secret = 'k'.repeat(40);
    const run = cli(
      { DATA_DIR: dir, AUTH_JWT_SECRET: secret },
      'token',
      '--partner',
      'p',
      '--role',
      'operator',
      '--ttl',
      '5m',
    );
    const principal = await verifyToken(
      (run.stdout as string).trim(),
      new TextEncoder().encode(secret),
    );
    expect(principal.roles).toEqual(['operator']);
  });

  it.each([
    [['token', '--role', 'admin-agent'], '--partner is required'],
    [['token', '--partner', 'p'], '--role is required'],
    [['token', '--partner', 'p', '--role', 'root'], 'Unknown role(s): root'],
    [['token', '--partner', 'p', '--role', 'operator', '--ttl', 'forever'], '--ttl must look like'],
  ])('refuses %j with a clear message', (args, message) => {
    const run = cli({ DATA_DIR: dir }, ...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });
});
