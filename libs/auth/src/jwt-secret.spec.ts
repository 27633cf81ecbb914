import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from './jwt-secret.js';

describe('the JWT secret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cw-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const base = { AUTH_JWT_SECRET: undefined, EVENTSTORE_CONNECTION_STRING: undefined };

  it('uses AUTH_JWT_SECRET when it is set', () => {
    const secret = 's'.repeat(32);
    expect(resolveJwtSecret({ ...base, AUTH_JWT_SECRET: secret, DATA_DIR: dir })).toEqual(
      new TextEncoder().encode(secret),
    );
  });

  it('generates one secret in the embedded mode and reuses it after a restart', () => {
    const first = resolveJwtSecret({ ...base, DATA_DIR: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveJwtSecret({ ...base, DATA_DIR: dir })).toEqual(first);
  });

  it('requires AUTH_JWT_SECRET with EventStoreDB', () => {
    expect(() =>
      resolveJwtSecret({ ...base, EVENTSTORE_CONNECTION_STRING: 'esdb://x:2113', DATA_DIR: dir }),
    ).toThrow('AUTH_JWT_SECRET must be set when EVENTSTORE_CONNECTION_STRING is set');
  });
});
