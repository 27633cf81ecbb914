import request from 'supertest';
import { newCustomerBody } from '../../fixtures/customers.js';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';

describe('customers: add, read, update the billing profile (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    admin = await bearer(api, 'contoso', 'admin-agent');
  });
  afterAll(() => api.close());

  const add = (auth = admin, body: object = newCustomerBody()) =>
    http.post('/v1/customers').set('Authorization', auth).send(body);

  it('adds a customer; the caller is its direct reseller; answers the position, ETag and Location', async () => {
    const response = await add().expect(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' },
      billingProfile: { email: 'jana.novakova@contoso.cz', defaultAddress: { country: 'CZ' } },
      relationships: [{ relationship: 'direct-reseller', delegatedAdmin: false }],
      tags: [],
      position: expect.stringMatching(/^\d+$/),
    });
    expect(response.headers.etag).toBe('"0"');
    expect(response.headers.location).toBe(`/v1/customers/${response.body.id}`);
  });

  it('shows the customer to every role of its partner, with the ETag', async () => {
    const { body } = await add().expect(201);
    for (const role of ['admin-agent', 'sales-agent', 'billing-admin', 'helpdesk-agent'] as const) {
      const read = await http
        .get(`/v1/customers/${body.id}`)
        .set('Authorization', await bearer(api, 'contoso', role))
        .expect(200);
      expect(read.body).toMatchObject({
        id: body.id,
        relationships: [{ relationship: 'direct-reseller' }],
      });
      expect(read.headers.etag).toBe('"0"');
    }
  });

  it("answers 404 for another partner's customer and for an unknown id, leaking nothing", async () => {
    const { body } = await add().expect(201);
    const foreign = await http
      .get(`/v1/customers/${body.id}`)
      .set('Authorization', await bearer(api, 'fabrikam', 'admin-agent'))
      .expect(404);
    expect(JSON.stringify(foreign.body)).not.toContain('Contoso');
    await http
      .get('/v1/customers/00000000-0000-4000-8000-000000000000')
      .set('Authorization', admin)
      .expect(404);
    await http.get('/v1/customers/not-a-uuid').set('Authorization', admin).expect(404);
  });

  it('replaces the billing profile with the current ETag and answers the next ETag', async () => {
    const { body } = await add().expect(201);
    const billing = newCustomerBody({ billing: { email: 'fakturace@contoso.cz' } }).billingProfile;
    const updated = await http
      .put(`/v1/customers/${body.id}/billing-profile`)
      .set('Authorization', admin)
      .set('If-Match', '"0"')
      .send(billing)
      .expect(200);
    expect(updated.body.billingProfile.email).toBe('fakturace@contoso.cz');
    expect(updated.headers.etag).toBe('"1"');
    expect(BigInt(updated.body.position)).toBeGreaterThan(BigInt(body.position));
  });

  it('refuses a stale ETag with 412 and a missing If-Match with 428, changing nothing', async () => {
    const { body } = await add().expect(201);
    const billing = newCustomerBody({ billing: { email: 'a@contoso.cz' } }).billingProfile;
    const url = `/v1/customers/${body.id}/billing-profile`;
    await http
      .put(url)
      .set('Authorization', admin)
      .set('If-Match', '"0"')
      .send(billing)
      .expect(200);
    const stale = await http
      .put(url)
      .set('Authorization', admin)
      .set('If-Match', '"0"')
      .send({ ...billing, email: 'b@contoso.cz' })
      .expect(412);
    expect(stale.body).toMatchObject({ status: 412, code: 'stale-billing-profile' });
    await http.put(url).set('Authorization', admin).send(billing).expect(428);
    await http
      .put(url)
      .set('Authorization', admin)
      .set('If-Match', 'W/"1"')
      .send(billing)
      .expect(412);
    const read = await http.get(`/v1/customers/${body.id}`).set('Authorization', admin).expect(200);
    expect(read.body.billingProfile.email).toBe('a@contoso.cz');
  });

  it('lets only the roles of the matrix add customers and update billing (403 otherwise)', async () => {
    await add(await bearer(api, 'contoso', 'billing-admin')).expect(403);
    await add(await bearer(api, 'contoso', 'helpdesk-agent')).expect(403);
    await add(await bearer(api, 'contoso', 'sales-agent')).expect(201);
    const { body } = await add().expect(201);
    const billing = newCustomerBody().billingProfile;
    const url = `/v1/customers/${body.id}/billing-profile`;
    await http
      .put(url)
      .set('Authorization', await bearer(api, 'contoso', 'billing-admin'))
      .set('If-Match', '"0"')
      .send(billing)
      .expect(403);
    await http
      .put(url)
      .set('Authorization', await bearer(api, 'contoso', 'helpdesk-agent'))
      .set('If-Match', '"0"')
      .send({ ...billing, email: 'h@contoso.cz' })
      .expect(200);
  });

  it('answers 404 when another partner tries to update the billing profile', async () => {
    const { body } = await add().expect(201);
    await http
      .put(`/v1/customers/${body.id}/billing-profile`)
      .set('Authorization', await bearer(api, 'fabrikam', 'admin-agent'))
      .set('If-Match', '"0"')
      .send(newCustomerBody().billingProfile)
      .expect(404);
  });

  it('needs a token (401)', async () => {
    await http.post('/v1/customers').send(newCustomerBody()).expect(401);
    await http.get('/v1/customers/x').expect(401);
  });

  it.each([
    ['a one-character company name', { companyName: 'C' }, 'companyProfile.companyName'],
    [
      'a company name of only special characters',
      { companyName: '*** ---' },
      'companyProfile.companyName',
    ],
    ['a malformed domain', { domain: 'not a domain' }, 'companyProfile.domain'],
    ['a malformed email', { billing: { email: 'jana@' } }, 'billingProfile.email'],
    [
      'a country that is not ISO-3166 alpha-2',
      {
        billing: {
          defaultAddress: { addressLine1: 'x', city: 'Praha', postalCode: '12000', country: 'CZE' },
        },
      },
      'billingProfile.defaultAddress.country',
    ],
    [
      'a malformed phone number',
      { billing: { phoneNumber: 'call me' } },
      'billingProfile.phoneNumber',
    ],
    ['an unknown field', { billing: { vip: true } }, 'billingProfile.vip'],
  ])('refuses %s with 400 naming the field, adding nothing', async (_name, overrides, field) => {
    const before = await http.get('/health');
    const response = await add(admin, newCustomerBody(overrides as never)).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = await http.get('/health');
    expect(after.body.checks[0].headPosition).toBe(before.body.checks[0].headPosition);
  });

  it('refuses malformed JSON with 400', async () => {
    await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"companyProfile":')
      .expect(400);
  });
});
