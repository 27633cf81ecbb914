import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { AcceptInvitationCommand } from '@customer-workspace/api/testing';
import type { AcceptInvitationDto } from '@customer-workspace/api/testing';
import { customerStream } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  acceptanceBody,
  expiredInvitation,
  type Http,
  registerPartners,
  tokenOf,
} from './relationships.fixtures.js';

describe('relationship requests: acceptance (HTTP, no sign-in)', () => {
  let api: TestApi;
  let http: Http;
  let contoso: string;
  let wingtip: string;
  let fabrikam: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    contoso = await bearer(api, 'contoso', 'admin-agent');
    wingtip = await bearer(api, 'wingtip', 'admin-agent');
    fabrikam = await bearer(api, 'fabrikam', 'helpdesk-agent');
  });
  afterAll(() => api.close());

  const invite = async (auth: string, body: object = { includeDelegatedAdmin: false }) =>
    (await http.post('/v1/relationship-requests').set('Authorization', auth).send(body).expect(201))
      .body as { id: string; url: string };
  const accept = (id: string, body: object) =>
    http.post(`/v1/relationship-requests/${id}/acceptance`).send(body);
  const customer = (id: string, auth: string) =>
    http.get(`/v1/customers/${id}`).set('Authorization', auth);
  const streamOf = async (id: string) =>
    collect(api.app.get<EventStore>(EVENT_STORE).readStream(customerStream(id)));

  it('makes a new customer appear for a direct partner as its Cloud reseller', async () => {
    const invitation = await invite(contoso);
    const { body } = await accept(invitation.id, acceptanceBody(tokenOf(invitation.url))).expect(
      201,
    );
    expect(body).toEqual({
      customerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      relationships: [
        { partnerId: 'contoso', relationship: 'direct-reseller', delegatedAdmin: false },
      ],
      position: expect.stringMatching(/^\d+$/),
    });
    const read = await customer(body.customerId, contoso).expect(200);
    expect(read.body).toMatchObject({
      companyProfile: { companyName: 'Northwind a.s.', domain: 'northwind.onmicrosoft.com' },
      billingProfile: null,
      relationships: [{ relationship: 'direct-reseller', delegatedAdmin: false }],
    });
    await customer(body.customerId, wingtip).expect(404);
  });

  it('establishes a joint invitation for the reseller AND its provider, both with DAP', async () => {
    const invitation = await invite(wingtip, {
      includeDelegatedAdmin: true,
      indirectProviderId: 'fabrikam',
    });
    const tenant = '7E1C4B2A-9D3F-4A6B-8C5D-1E2F3A4B5C6D';
    const { body } = await accept(
      invitation.id,
      acceptanceBody(tokenOf(invitation.url), { id: tenant }),
    ).expect(201);
    expect(body.customerId).toBe(tenant.toLowerCase());
    expect(body.relationships).toEqual([
      { partnerId: 'wingtip', relationship: 'indirect-reseller', delegatedAdmin: true },
      { partnerId: 'fabrikam', relationship: 'indirect-provider', delegatedAdmin: true },
    ]);
    const asReseller = await customer(body.customerId, wingtip).expect(200);
    expect(asReseller.body.relationships).toEqual([
      { relationship: 'indirect-reseller', delegatedAdmin: true },
    ]);
    const asProvider = await customer(body.customerId, fabrikam).expect(200);
    expect(asProvider.body.relationships).toEqual([
      { relationship: 'indirect-provider', delegatedAdmin: true },
    ]);
    const events = await streamOf(body.customerId);
    expect(events.map((e) => e.type)).toEqual([
      'CustomerAdded',
      'RelationshipEstablished',
      'DelegatedAdminApproved',
      'RelationshipEstablished',
      'DelegatedAdminApproved',
    ]);
    expect(events[0]!.metadata).toMatchObject({
      partnerId: 'wingtip',
      actor: { role: 'customer' },
    });
    expect(BigInt(body.position)).toBe(events.at(-1)!.position);
    const stored = await collect(api.app.get<EventStore>(EVENT_STORE).readAll());
    const json = JSON.stringify(stored, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    expect(json).not.toContain(tokenOf(invitation.url));
  });

  it('accepts a targeted invitation only from its customer (422 otherwise, nothing stored)', async () => {
    const added = await http
      .post('/v1/customers')
      .set('Authorization', contoso)
      .send(newCustomerBody())
      .expect(201);
    const id = added.body.id as string;
    const invitation = await invite(contoso, { customerId: id, includeDelegatedAdmin: true });
    const other = await accept(
      invitation.id,
      acceptanceBody(tokenOf(invitation.url), { id: '11111111-2222-4333-8444-555555555555' }),
    ).expect(422);
    expect(other.body.code).toBe('invitation-customer-mismatch');
    await accept(invitation.id, acceptanceBody(tokenOf(invitation.url))).expect(422);
    expect(await streamOf('11111111-2222-4333-8444-555555555555')).toEqual([]);
    const { body } = await accept(
      invitation.id,
      acceptanceBody(tokenOf(invitation.url), { id }),
    ).expect(201);
    expect(body.relationships).toEqual([
      { partnerId: 'contoso', relationship: 'direct-reseller', delegatedAdmin: true },
    ]);
    const read = await customer(id, contoso).expect(200);
    expect(read.body.companyProfile.companyName).toBe('Contoso a.s.');
    expect(read.body.relationships).toEqual([
      { relationship: 'direct-reseller', delegatedAdmin: true },
    ]);
  });

  it('is single use: another acceptance answers 410; the same one sent again gets the first answer', async () => {
    const invitation = await invite(contoso);
    const body = acceptanceBody(tokenOf(invitation.url), {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
    });
    const first = await accept(invitation.id, body).expect(201);
    const events = await streamOf(first.body.customerId);
    const retry = await accept(invitation.id, body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await streamOf(first.body.customerId)).toEqual(events);
    const other = await accept(invitation.id, acceptanceBody(tokenOf(invitation.url))).expect(410);
    expect(other.body).toMatchObject({ status: 410, code: 'invitation-already-used' });
    const renamed = { ...body, customer: { ...body.customer, companyName: 'Other a.s.' } };
    await accept(invitation.id, renamed).expect(410);
    await accept(invitation.id, { ...body, token: 'guess' }).expect(404);
  });

  it('lets only one of two concurrent acceptances win (the other finds the token used: 410)', async () => {
    const invitation = await invite(contoso);
    const token = tokenOf(invitation.url);
    // Issued in the same tick through the bus, so both read the pending invitation first.
    const bus = api.app.get(CommandBus);
    const acceptAs = (companyName: string) =>
      bus.execute(
        new AcceptInvitationCommand(
          invitation.id,
          acceptanceBody(token, { companyName }) as AcceptInvitationDto,
          `race-${companyName}`,
          new Date(),
        ),
      );
    const results = await Promise.allSettled([acceptAs('First a.s.'), acceptAs('Second a.s.')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: 'invitation-already-used', kind: 'gone' });
    const list = await http
      .get('/v1/relationship-requests')
      .set('Authorization', contoso)
      .expect(200);
    const winner = list.body.items.find((i: { id: string }) => i.id === invitation.id);
    const events = await streamOf(winner.customerId);
    expect(events.map((e) => e.type)).toEqual(['CustomerAdded', 'RelationshipEstablished']);
  });

  it('answers 410 for a revoked and for an expired invitation', async () => {
    const invitation = await invite(contoso);
    await http
      .delete(`/v1/relationship-requests/${invitation.id}`)
      .set('Authorization', contoso)
      .expect(200);
    const revoked = await accept(invitation.id, acceptanceBody(tokenOf(invitation.url))).expect(
      410,
    );
    expect(revoked.body.code).toBe('invitation-revoked');
    const expired = await expiredInvitation(api, 'contoso');
    const gone = await accept(expired.id, acceptanceBody(expired.token)).expect(410);
    expect(gone.body.code).toBe('invitation-expired');
  });

  it('answers 404 to a wrong token or an unknown invitation, revealing nothing about its state', async () => {
    const invitation = await invite(contoso);
    const wrong = await accept(invitation.id, acceptanceBody(`${tokenOf(invitation.url)}x`)).expect(
      404,
    );
    expect(wrong.body.code).toBe('invitation-token-invalid');
    await http
      .delete(`/v1/relationship-requests/${invitation.id}`)
      .set('Authorization', contoso)
      .expect(200);
    await accept(invitation.id, acceptanceBody('guess')).expect(404);
    await accept('00000000-0000-4000-8000-000000000000', acceptanceBody('guess')).expect(404);
  });

  it('answers 400 naming each bad field and a malformed invitation id', async () => {
    const invitation = await invite(contoso);
    const bad = await accept(invitation.id, {
      token: '',
      customer: { id: 'tenant', companyName: '!', domain: 'not a domain' },
      extra: true,
    }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(
      ['customer.companyName', 'customer.domain', 'customer.id', 'extra', 'token'].sort(),
    );
    const missing = await accept(invitation.id, { token: tokenOf(invitation.url) }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('customer');
    await accept('not-an-id', acceptanceBody(tokenOf(invitation.url))).expect(400);
    await accept(invitation.id, acceptanceBody(tokenOf(invitation.url))).expect(201);
  });
});
