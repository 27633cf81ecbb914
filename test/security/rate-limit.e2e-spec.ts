import request from 'supertest';
import { issueToken } from '@customer-workspace/auth';
import { JWT_KEY } from '@customer-workspace/api/testing';
import { bearer, startTestApi, type TestApi } from '../fixtures/api-app.js';

const LIMIT = 3;

describe('rate limiting per partner (RATE_LIMIT_PER_MINUTE)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    http = request(api.app.getHttpServer());
  });
  afterAll(() => api.close());

  const me = (auth: string) => http.get('/v1/partners/me').set('Authorization', auth);

  it('answers 429 problem+json with Retry-After once a partner used its quota', async () => {
    const contoso = await bearer(api, 'contoso', 'admin-agent');
    for (let i = 0; i < LIMIT; i++) {
      const response = await me(contoso);
      expect(response.status).not.toBe(429);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1 - i));
    }
    const refused = await me(contoso);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'too-many-requests',
      type: '/problems/too-many-requests',
    });
    expect(refused.body.detail).toMatch(/at most 3 requests per minute for this partner/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts the partner, not the user or the token: every caller of it shares the quota', async () => {
    const key = api.app.get<Uint8Array>(JWT_KEY);
    const other = await issueToken(
      { partnerId: 'contoso', roles: ['sales-agent'], userId: 'someone-else' },
      key,
    );
    expect((await me(`Bearer ${other}`)).status).toBe(429);
    // Commands too, before any validation or store access.
    const command = await http
      .post('/v1/customers')
      .set('Authorization', `Bearer ${other}`)
      .send({});
    expect(command.status).toBe(429);
  });

  it('leaves other partners (from the same address) untouched', async () => {
    const fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
    for (let i = 0; i < LIMIT; i++) expect((await me(fabrikam)).status).not.toBe(429);
    expect((await me(fabrikam)).status).toBe(429);
    const northwind = await bearer(api, 'northwind', 'sales-agent');
    expect((await me(northwind)).status).not.toBe(429);
  });

  it('never limits /health, /metrics or /docs', async () => {
    for (let i = 0; i < LIMIT * 3; i++) {
      expect((await http.get('/health')).status).toBe(200);
      expect((await http.get('/metrics')).status).toBe(200);
      expect((await http.get('/docs')).status).toBe(200);
    }
    const health = await http.get('/health');
    expect(health.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('counts public routes (invitation acceptance) per client address', async () => {
    const accept = () =>
      http
        .post('/v1/relationship-requests/00000000-0000-4000-8000-000000000000/acceptance')
        .send({ token: 'x', customer: { companyName: 'Northwind', domain: 'northwind.com' } });
    for (let i = 0; i < LIMIT; i++) expect((await accept()).status).not.toBe(429);
    const refused = await accept();
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/for this client address/);
    // The address's budget is its own: a partner calling from it still has its quota.
    const wingtip = await bearer(api, 'wingtip', 'admin-agent');
    expect((await me(wingtip)).status).not.toBe(429);
  });
});

describe('RATE_LIMIT_PER_MINUTE=0', () => {
  let api: TestApi;
  afterAll(() => api.close());

  it('turns rate limiting off', async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '0' });
    const http = request(api.app.getHttpServer());
    const contoso = await bearer(api, 'contoso', 'admin-agent');
    for (let i = 0; i < 20; i++) {
      const response = await http.get('/v1/partners/me').set('Authorization', contoso);
      expect(response.status).not.toBe(429);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});
