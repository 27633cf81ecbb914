import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import { activityItems, AUDITED, type Http, registerPartners } from './audit.fixtures.js';

/** `AUDIT_TREE=off`: the instance serves the api without a tree, and says so. */
describe('an api without the audit tree (AUDIT_TREE=off)', () => {
  let api: TestApi;
  let http: Http;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi({ ...AUDITED, AUDIT_TREE: 'off' });
    http = request(api.app.getHttpServer());
    admin = await bearer(api, 'contoso');
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso');
  });
  afterAll(() => api.close());

  it.each([
    '/v1/audit/checkpoint',
    '/v1/audit/public-key',
    '/v1/audit/proofs/consistency?from=0',
    '/v1/audit/proofs/inclusion?position=1',
  ])('%s answers 503 audit-tree-off', async (path) => {
    const response = await http.get(path).set('Authorization', admin).expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'audit-tree-off' });
    expect(response.body.detail).toContain('AUDIT_TREE=off');
  });

  it('keeps no tree: entries carry null leaves, no audit.db, no key, healthy without it', async () => {
    const added = await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .send(newCustomerBody())
      .expect(201);
    const items = await activityItems(http, admin, added.body.position as string);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatchObject({ leafIndex: null, leafHash: null });
    expect(existsSync(join(api.dataDir, 'audit.db'))).toBe(false);
    expect(existsSync(join(api.dataDir, 'audit-signing-key'))).toBe(false);
    const health = await http.get('/health').expect(200);
    const names = (health.body.checks as { name: string }[]).map((check) => check.name);
    expect(names).not.toContain('process:audit-tree');
  });
});
