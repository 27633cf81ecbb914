import request from 'supertest';
import { startTestApi, testAuditSigningKey, type TestApi } from '../fixtures/api-app.js';

// Nothing listens on port 1: the node is down for the whole test.
const UNREACHABLE = 'esdb://127.0.0.1:1?tls=false';

describe('/health while EventStoreDB is unreachable', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      EVENTSTORE_CONNECTION_STRING: UNREACHABLE,
      AUTH_JWT_SECRET: 'x'.repeat(32),
      WEBHOOKS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64url'),
      AUDIT_SIGNING_KEY: testAuditSigningKey(),
    });
  });
  afterAll(() => api.close());

  it('starts anyway, answers 503 and names every component that is down', async () => {
    const response = await request(api.app.getHttpServer()).get('/health').expect(503);
    const checks = response.body.checks as { name: string; status: string }[];
    expect(checks.map((check) => check.name)).toEqual([
      'event-store',
      'projection:customer-list',
      'projection:activity-log',
      'projection:gdap-relationships',
      'process:audit-tree',
      'process:personal-data-erasure',
      'process:invitation-acceptance',
      'process:webhook-delivery',
      'process:gdap-transitions',
    ]);
    expect(checks.find((check) => check.name === 'event-store')?.status).toBe('down');
    for (const check of checks.filter((c) => c.name.startsWith('projection:')))
      expect(check).toMatchObject({ status: 'down', lag: null });
  });
});
