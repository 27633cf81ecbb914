import type * as dns from 'node:dns/promises';
import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { createWebhook, registerPartner, NO_DELIVERIES } from './webhooks.fixtures.js';

/** What the resolver answers for the names of this test; every other name resolves as usual. */
const NAMES: Record<string, string[] | string> = {
  'hooks.partner.test': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.partner.test': ['10.1.2.3'],
  'rebound.partner.test': ['93.184.215.14', '169.254.169.254'],
  'mapped.partner.test': ['::ffff:169.254.169.254'],
  'flaky.partner.test': 'EAI_AGAIN',
  'missing.partner.test': 'ENOTFOUND',
};

jest.mock('node:dns/promises', () => {
  const actual = jest.requireActual<typeof dns>('node:dns/promises');
  return {
    ...actual,
    lookup: (hostname: string, options: object) => {
      const answer = NAMES[hostname];
      if (answer === undefined) return actual.lookup(hostname, options as never);
      if (typeof answer === 'string')
        return Promise.reject(Object.assign(new Error(`lookup ${hostname}`), { code: answer }));
      return Promise.resolve(
        answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    },
  };
});

describe('webhook URLs by host name: every address the name resolves to is checked', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi(NO_DELIVERIES);
    http = request(api.app.getHttpServer());
    admin = await bearer(api, 'contoso', 'admin-agent');
    await registerPartner(http, await bearer(api, 'platform', 'operator'), 'contoso').expect(201);
  });
  afterAll(() => api.close());

  it('accepts a name that resolves to public addresses only, and keeps the URL as given', async () => {
    const url = 'https://hooks.partner.test/in?source=workspace';
    const response = await createWebhook(http, admin, { url }).expect(201);
    expect(response.body.url).toBe(url);
  });

  it.each([
    ['a private address', 'internal.partner.test', /10\.1\.2\.3 is a private address/],
    ['a metadata address among public ones', 'rebound.partner.test', /169\.254\.169\.254/],
    ['an IPv4-mapped link-local address', 'mapped.partner.test', /link local/],
    ['no address at all', 'missing.partner.test', /does not resolve/],
  ])('refuses a name resolving to %s, naming url', async (_case, host, reason) => {
    const response = await createWebhook(http, admin, { url: `https://${host}/in` }).expect(400);
    expect(response.body).toMatchObject({
      code: 'unsafe-webhook-target',
      errors: [{ field: 'url', message: expect.stringMatching(reason) }],
    });
  });

  it('answers 503 when the resolver fails now, at creation and at a change of URL', async () => {
    const failed = await createWebhook(http, admin, { url: 'https://flaky.partner.test/in' });
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('1');
    expect(failed.body.code).toBe('webhook-target-unresolved');
    const { body } = await createWebhook(http, admin).expect(201);
    const change = await http
      .patch(`/v1/webhooks/${body.id}`)
      .set('Authorization', admin)
      .send({ url: 'https://flaky.partner.test/in' });
    expect(change.status).toBe(503);
  });
});
