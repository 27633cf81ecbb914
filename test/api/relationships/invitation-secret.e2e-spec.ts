import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { registerPartners, tokenOf } from './relationships.fixtures.js';

describe('the invitation secret is never stored, not even for Idempotency-Key replays', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
  });
  afterAll(() => api.close());

  it('keeps no copy of the secret in any file of DATA_DIR, and answers a keyed retry with 409', async () => {
    const admin = await bearer(api, 'contoso', 'admin-agent');
    const first = await http
      .post('/v1/relationship-requests')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'inv-1')
      .send({ includeDelegatedAdmin: true })
      .expect(201);
    const secret = tokenOf(first.body.url);
    expect(secret.length).toBeGreaterThanOrEqual(43); // 256 bits as base64url
    const files = readdirSync(api.dataDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) {
      const content = readFileSync(join(file.parentPath, file.name));
      expect(content.includes(Buffer.from(secret))).toBe(false);
    }
    const retry = await http
      .post('/v1/relationship-requests')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'inv-1')
      .send({ includeDelegatedAdmin: true })
      .expect(409);
    expect(retry.body).toMatchObject({
      code: 'idempotent-answer-withheld',
      detail: expect.stringContaining(first.body.id),
    });
    expect(JSON.stringify(retry.body)).not.toContain(secret);
  });
});
