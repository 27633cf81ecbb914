import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  type CreateOrder,
  customerDecider,
  customerStream,
  type SuspendSubscription,
} from '@customer-workspace/customers';
import { CommandRunner, EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  acceptanceBody,
  directContext,
  type Http,
  registerPartners,
  tokenOf,
} from './relationships.fixtures.js';

const ATTESTATION = {
  attestation: { accepted: true, reason: 'The customer moved to another partner' },
};

describe('relationships: removal (HTTP)', () => {
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
    wingtip = await bearer(api, 'wingtip', 'sales-agent');
    fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
  });
  afterAll(() => api.close());

  const remove = (id: string, relationship: string, auth = contoso, body: object = ATTESTATION) =>
    http
      .post(`/v1/customers/${id}/relationships/${relationship}/removal`)
      .set('Authorization', auth)
      .send(body);
  const addCustomer = async () =>
    (
      await http
        .post('/v1/customers')
        .set('Authorization', contoso)
        .send(newCustomerBody())
        .expect(201)
    ).body.id as string;
  const eventsOf = async (id: string) =>
    collect(api.app.get<EventStore>(EVENT_STORE).readStream(customerStream(id)));
  /** A customer of wingtip (indirect reseller) and fabrikam (its provider), both with DAP. */
  async function jointCustomer(): Promise<string> {
    const invitation = await http
      .post('/v1/relationship-requests')
      .set('Authorization', wingtip)
      .send({ includeDelegatedAdmin: true, indirectProviderId: 'fabrikam' })
      .expect(201);
    const accepted = await http
      .post(`/v1/relationship-requests/${invitation.body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(invitation.body.url)))
      .expect(201);
    return accepted.body.customerId as string;
  }
  function order(customerId: string, partnerId: string, extra: Partial<CreateOrder['data']> = {}) {
    const command: CreateOrder = {
      type: 'CreateOrder',
      data: {
        customerId,
        partnerId,
        orderId: randomUUID(),
        catalog: 'azure',
        lineItems: [{ offerId: 'azure-plan', quantity: 1, subscriptionId: randomUUID() }],
        ...extra,
      },
    };
    return api.app.get(CommandRunner).run({
      decider: customerDecider,
      streamId: customerStream(customerId),
      command,
      context: directContext(partnerId, customerId),
    });
  }

  it('removes the caller’s relationship with an attestation; the customer leaves its view', async () => {
    const id = await addCustomer();
    const { body } = await remove(id, 'direct-reseller').expect(200);
    expect(body).toEqual({ position: expect.stringMatching(/^\d+$/) });
    await http.get(`/v1/customers/${id}`).set('Authorization', contoso).expect(404);
    const removed = (await eventsOf(id)).at(-1)!;
    expect(removed).toMatchObject({
      type: 'RelationshipRemoved',
      data: { partnerId: 'contoso', attestationReason: 'The customer moved to another partner' },
    });
    expect(removed.position.toString()).toBe(body.position);
  });

  it('ends DAP with the relationship; the indirect provider keeps its own', async () => {
    const id = await jointCustomer();
    await remove(id, 'indirect-reseller', wingtip).expect(200);
    expect((await eventsOf(id)).slice(-2).map((e) => e.type)).toEqual([
      'RelationshipRemoved',
      'DelegatedAdminTerminated',
    ]);
    await http.get(`/v1/customers/${id}`).set('Authorization', wingtip).expect(404);
    const provider = await http
      .get(`/v1/customers/${id}`)
      .set('Authorization', fabrikam)
      .expect(200);
    expect(provider.body.relationships).toEqual([
      { relationship: 'indirect-provider', delegatedAdmin: true },
    ]);
  });

  it('answers 404 to an indirect reseller removing its provider’s relationship', async () => {
    const id = await jointCustomer();
    const response = await remove(id, 'indirect-provider', wingtip).expect(404);
    expect(response.body.code).toBe('relationship-not-found');
    await http.get(`/v1/customers/${id}`).set('Authorization', fabrikam).expect(200);
  });

  it('answers 422 without an accepted attestation or with a blank reason, 400 without one at all', async () => {
    const id = await addCustomer();
    const refused = await remove(id, 'direct-reseller', contoso, {
      attestation: { accepted: false, reason: 'x' },
    }).expect(422);
    expect(refused.body).toMatchObject({
      type: '/problems/attestation-required',
      code: 'attestation-required',
    });
    await remove(id, 'direct-reseller', contoso, {
      attestation: { accepted: true, reason: '  ' },
    }).expect(422);
    const missing = await remove(id, 'direct-reseller', contoso, {}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('attestation');
    const bad = await remove(id, 'direct-reseller', contoso, {
      attestation: { accepted: 'yes', reason: 1, extra: true },
    }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(
      ['attestation.accepted', 'attestation.extra', 'attestation.reason'].sort(),
    );
    await http.get(`/v1/customers/${id}`).set('Authorization', contoso).expect(200);
  });

  it('answers 409 while a subscription under the relationship is active or suspended', async () => {
    const id = await addCustomer();
    const subscriptionId = randomUUID();
    await order(id, 'contoso', {
      lineItems: [{ offerId: 'azure-plan', quantity: 1, subscriptionId }],
    });
    const refused = await remove(id, 'direct-reseller').expect(409);
    expect(refused.body).toMatchObject({
      type: '/problems/active-subscriptions',
      code: 'active-subscriptions',
    });
    const suspend: SuspendSubscription = {
      type: 'SuspendSubscription',
      data: { customerId: id, partnerId: 'contoso', subscriptionId },
    };
    await api.app.get(CommandRunner).run({
      decider: customerDecider,
      streamId: customerStream(id),
      command: suspend,
      context: directContext('contoso', id),
    });
    await remove(id, 'direct-reseller').expect(409);
    await http.get(`/v1/customers/${id}`).set('Authorization', contoso).expect(200);
  });

  it('counts the subscriptions naming an indirect reseller on record against its removal (409)', async () => {
    const id = await jointCustomer();
    await order(id, 'fabrikam', {
      lineItems: [
        {
          offerId: 'o365',
          quantity: 5,
          subscriptionId: randomUUID(),
          partnerIdOnRecord: 'wingtip',
        },
      ],
    });
    await remove(id, 'indirect-reseller', wingtip).expect(409);
    await remove(id, 'indirect-provider', fabrikam).expect(409);
  });

  it('answers 400 for an unknown relationship, 404 for another partner’s or an unknown customer', async () => {
    const id = await addCustomer();
    const bad = await remove(id, 'reseller').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'relationship', message: expect.any(String) }]);
    const foreign = await remove(id, 'direct-reseller', wingtip).expect(404);
    expect(foreign.body.code).toBe('customer-not-found');
    await remove(id, 'indirect-reseller').expect(404);
    await remove('00000000-0000-4000-8000-000000000000', 'direct-reseller').expect(404);
    await http.get(`/v1/customers/${id}`).set('Authorization', contoso).expect(200);
  });

  it('answers 401 without a token and 403 to billing and helpdesk roles', async () => {
    const id = await addCustomer();
    await http
      .post(`/v1/customers/${id}/relationships/direct-reseller/removal`)
      .send(ATTESTATION)
      .expect(401);
    await remove(id, 'direct-reseller', await bearer(api, 'contoso', 'billing-admin')).expect(403);
    await remove(id, 'direct-reseller', await bearer(api, 'contoso', 'helpdesk-agent')).expect(403);
    await remove(id, 'direct-reseller', await bearer(api, 'contoso', 'sales-agent')).expect(200);
  });
});
