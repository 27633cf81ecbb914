import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, startTestApi, testAuditSigningKey, type TestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';

// Two deployments on one EventStoreDB node, told apart by EVENTSTORE_STREAM_PREFIX.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

(connectionString ? describe : describe.skip)('two prefixed deployments on one node', () => {
  const run = randomUUID().replaceAll('-', '').slice(0, 8);
  let production: TestApi;
  let staging: TestApi;
  beforeAll(async () => {
    const settings = (prefix: string) => ({
      EVENTSTORE_CONNECTION_STRING: connectionString!,
      EVENTSTORE_STREAM_PREFIX: `${prefix}${run}_`,
      AUTH_JWT_SECRET: 's'.repeat(40),
      WEBHOOKS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64url'),
      AUDIT_SIGNING_KEY: testAuditSigningKey(),
      // As testStoreEnv: a fresh deployment's subscriptions scan the whole shared log first.
      READ_MODEL_WAIT_MS: '30000',
    });
    production = await startTestApi(settings('prod'));
    staging = await startTestApi(settings('stage'));
  });
  afterAll(async () => {
    await production?.close();
    await staging?.close();
  });

  async function register(api: TestApi): Promise<void> {
    await request(api.app.getHttpServer())
      .post('/v1/partners')
      .set('Authorization', await bearer(api, 'platform', 'operator'))
      .send({ id: 'contoso', name: 'Contoso', programs: ['direct-bill'] })
      .expect(201);
  }

  it('never see each other: same partner id registered twice, each its own customers', async () => {
    await register(production);
    await register(staging);
    const admin = await bearer(production, 'contoso', 'admin-agent');
    const added = await request(production.app.getHttpServer())
      .post('/v1/customers')
      .set('Authorization', admin)
      .send(newCustomerBody({ companyName: 'Only in production' }))
      .expect(201);
    const list = (api: TestApi, minPosition?: string) =>
      request(api.app.getHttpServer())
        .get('/v1/customers')
        .query(minPosition ? { minPosition } : {})
        .set('Authorization', admin)
        .expect(200);
    expect((await list(production, added.body.position)).body.total).toBe(1);
    expect((await list(staging)).body).toMatchObject({ total: 0, items: [] });
    await request(staging.app.getHttpServer())
      .get(`/v1/customers/${added.body.id}`)
      .set('Authorization', admin)
      .expect(404);
    for (const api of [production, staging])
      await request(api.app.getHttpServer()).get('/health').expect(200);
  });
});
