import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import {
  acceptanceBody,
  expiredInvitation,
  type Http,
  registerPartners,
  tokenOf,
} from './relationships.fixtures.js';

describe('relationship requests: list and revoke (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let contoso: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    contoso = await bearer(api, 'contoso', 'sales-agent');
  });
  afterAll(() => api.close());

  const invite = (auth = contoso, body: object = { includeDelegatedAdmin: false }) =>
    http.post('/v1/relationship-requests').set('Authorization', auth).send(body);
  const revoke = (id: string, auth = contoso) =>
    http.delete(`/v1/relationship-requests/${id}`).set('Authorization', auth);
  const list = (auth = contoso, query = '') =>
    http.get(`/v1/relationship-requests${query}`).set('Authorization', auth);

  it('lists the caller’s invitations newest first with their states, to every partner role', async () => {
    const wingtip = await bearer(api, 'wingtip', 'admin-agent');
    const joint = await invite(wingtip, {
      includeDelegatedAdmin: true,
      indirectProviderId: 'fabrikam',
    }).expect(201);
    const revoked = await invite(wingtip).expect(201);
    await revoke(revoked.body.id, wingtip).expect(200);
    const accepted = await invite(wingtip, { includeDelegatedAdmin: false, language: 'hu' }).expect(
      201,
    );
    const { body: acceptance } = await http
      .post(`/v1/relationship-requests/${accepted.body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(accepted.body.url)))
      .expect(201);
    const { body } = await list(await bearer(api, 'wingtip', 'billing-admin')).expect(200);
    expect(body).toEqual({ items: expect.any(Array), nextCursor: null, total: 3 });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([
      accepted.body.id,
      revoked.body.id,
      joint.body.id,
    ]);
    expect(body.items[0]).toEqual({
      id: accepted.body.id,
      customerId: acceptance.customerId,
      relationship: 'indirect-reseller',
      includeDelegatedAdmin: false,
      language: 'hu',
      status: 'accepted',
      requestedAt: expect.any(String),
      expiresAt: accepted.body.expiresAt,
    });
    expect(body.items[1]).toMatchObject({ status: 'revoked', language: 'en' });
    expect(body.items[2]).toMatchObject({
      status: 'pending',
      indirectProviderId: 'fabrikam',
      includeDelegatedAdmin: true,
    });
    expect(JSON.stringify(body)).not.toMatch(/token/i);
  });

  it('shows an invitation past its expiry as expired, and never another partner’s', async () => {
    const expired = await expiredInvitation(api, 'contoso');
    const { body } = await list(contoso).expect(200);
    expect(body.items.find((i: { id: string }) => i.id === expired.id)).toMatchObject({
      status: 'expired',
    });
    const fabrikam = await list(await bearer(api, 'fabrikam', 'helpdesk-agent')).expect(200);
    expect(fabrikam.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('pages with limit and a stable cursor; a bad limit or cursor answers 400', async () => {
    for (let i = 0; i < 3; i++) await invite().expect(201);
    const all = (await list(contoso, '?limit=500').expect(200)).body;
    const first = (await list(contoso, '?limit=2').expect(200)).body;
    expect(first.items).toEqual(all.items.slice(0, 2));
    expect(first.total).toBe(all.total);
    const second = (
      await list(contoso, `?limit=2&cursor=${first.nextCursor}&minPosition=1`).expect(200)
    ).body;
    expect(second.items).toEqual(all.items.slice(2, 4));
    const bad = await list(contoso, '?limit=0&cursor=abc').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'cursor',
      'limit',
    ]);
    await list(contoso, '?limit=501').expect(400);
    await list(contoso, '?status=pending').expect(400);
  });

  it('revokes a pending invitation (200 with the position); its URL then answers 410', async () => {
    const { body } = await invite().expect(201);
    const revoked = await revoke(body.id).expect(200);
    expect(revoked.body).toEqual({ position: expect.stringMatching(/^\d+$/) });
    await http
      .post(`/v1/relationship-requests/${body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(body.url)))
      .expect(410);
  });

  it('answers 409 to revoking a revoked or an accepted invitation', async () => {
    const { body } = await invite().expect(201);
    await revoke(body.id).expect(200);
    const again = await revoke(body.id).expect(409);
    expect(again.body.code).toBe('invitation-already-revoked');
    const used = await invite().expect(201);
    await http
      .post(`/v1/relationship-requests/${used.body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(used.body.url)))
      .expect(201);
    expect((await revoke(used.body.id).expect(409)).body.code).toBe('invitation-already-accepted');
  });

  it('answers 404 for another partner’s or an unknown invitation, 400 for a malformed id', async () => {
    const { body } = await invite().expect(201);
    await revoke(body.id, await bearer(api, 'wingtip', 'admin-agent')).expect(404);
    await revoke('00000000-0000-4000-8000-000000000000').expect(404);
    const bad = await revoke('nope').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
    const { body: after } = await list().expect(200);
    expect(after.items.find((i: { id: string }) => i.id === body.id).status).toBe('pending');
  });

  it('answers 401 without a token and 403 to roles that may not revoke or list', async () => {
    const { body } = await invite().expect(201);
    await http.delete(`/v1/relationship-requests/${body.id}`).expect(401);
    await http.get('/v1/relationship-requests').expect(401);
    await revoke(body.id, await bearer(api, 'contoso', 'billing-admin')).expect(403);
    await revoke(body.id, await bearer(api, 'contoso', 'helpdesk-agent')).expect(403);
    await list(await bearer(api, 'platform', 'operator')).expect(403);
  });
});
