import { Controller, Get, Module } from '@nestjs/common';
import { SignJWT, UnsecuredJWT } from 'jose';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Caller, Roles } from '@customer-workspace/api/testing';
import { JWT_KEY } from '@customer-workspace/api/testing';
import { JWT_SECRET_FILE } from '@customer-workspace/auth';
import type { Principal } from '@customer-workspace/auth';
import { issueToken } from '@customer-workspace/auth';
import { EMBEDDED_STORE, startTestApi, type TestApi } from '../fixtures/api-app.js';

@Controller('whoami')
class WhoAmIController {
  @Get()
  whoami(@Caller() caller: Principal): Principal {
    return caller;
  }

  @Get('admin')
  @Roles('admin-agent')
  admin(): { ok: true } {
    return { ok: true };
  }
}
@Module({ controllers: [WhoAmIController] })
class WhoAmIModule {}

const claims = { upn: 'jana@contoso.example', tid: 'partner-1', roles: ['admin-agent'] };

describe('authentication and roles (HTTP)', () => {
  let api: TestApi;
  let key: Uint8Array;
  let http: ReturnType<typeof request>;
  beforeAll(async () => {
    // Embedded: the generated development secret exists only there.
    api = await startTestApi(EMBEDDED_STORE, [WhoAmIModule]);
    key = api.app.get<Uint8Array>(JWT_KEY);
    http = request(api.app.getHttpServer());
  });
  afterAll(() => api.close());

  const sign = (
    payload: Record<string, unknown>,
    configure: (jwt: SignJWT) => SignJWT = (j) => j,
  ) =>
    configure(
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('user-1')
        .setExpirationTime('1h'),
    ).sign(key);

  it('accepts a valid token and exposes its claims', async () => {
    const token = await sign(claims);
    const response = await http.get('/whoami').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body).toEqual({
      userId: 'user-1',
      upn: claims.upn,
      partnerId: 'partner-1',
      roles: ['admin-agent'],
    });
  });

  it('generates the dev secret once, keeps it in DATA_DIR with mode 0600, and accepts tokens minted with it', async () => {
    const file = join(api.dataDir, JWT_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new TextEncoder().encode(readFileSync(file, 'utf8').trim())).toEqual(key);
    const token = await issueToken({ partnerId: 'partner-9', roles: ['sales-agent'] }, key);
    await http.get('/whoami').set('Authorization', `Bearer ${token}`).expect(200);
  });

  const attacks: [string, () => Promise<string>][] = [
    ['no token at all', async () => ''],
    ['a malformed token', async () => 'not.a.jwt'],
    [
      'alg: none',
      async () => new UnsecuredJWT(claims).setSubject('user-1').setExpirationTime('1h').encode(),
    ],
    [
      'a wrong key',
      async () =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('x'.repeat(40))),
    ],
    [
      'another algorithm (HS512)',
      async () =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS512' })
          .setSubject('u')
          .setExpirationTime('1h')
          .sign(new Uint8Array(64).fill(7)),
    ],
    [
      'an expired token',
      () => sign(claims, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 60)),
    ],
    ['a token not yet valid', () => sign(claims, (j) => j.setNotBefore('10m'))],
    [
      'no exp',
      () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u').sign(key),
    ],
    [
      'no sub',
      () =>
        new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key),
    ],
    ['no tid', () => sign({ ...claims, tid: undefined })],
    ['no upn', () => sign({ ...claims, upn: undefined })],
    ['no roles', () => sign({ ...claims, roles: undefined })],
    ['roles as a string', () => sign({ ...claims, roles: 'admin-agent' })],
    ['an unknown role', () => sign({ ...claims, roles: ['superuser'] })],
  ];

  it.each(attacks)('refuses %s with 401 problem details', async (_name, make) => {
    const token = await make();
    const call = http.get('/whoami');
    const response = await (token ? call.set('Authorization', `Bearer ${token}`) : call).expect(
      401,
    );
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('answers 403 when the role is not allowed, 200 when it is', async () => {
    const sales = await sign({ ...claims, roles: ['sales-agent'] });
    const denied = await http
      .get('/whoami/admin')
      .set('Authorization', `Bearer ${sales}`)
      .expect(403);
    expect(denied.body).toMatchObject({ status: 403, code: 'role-not-allowed' });
    await http
      .get('/whoami/admin')
      .set('Authorization', `Bearer ${await sign(claims)}`)
      .expect(200);
  });

  it('keeps /health and /metrics public', async () => {
    await http.get('/health').expect(200);
    await http.get('/metrics').expect(200);
  });
});
