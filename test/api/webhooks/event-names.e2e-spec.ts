import request from 'supertest';
import { Clock } from '@customer-workspace/api/testing';
import { WEBHOOK_EVENT_NAMES } from '@customer-workspace/webhooks';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  eventually,
  startReceiver,
  type WebhookReceiver,
} from '../../fixtures/webhook-receiver.js';

type Http = ReturnType<typeof request>;

/** Every event name a partner can subscribe to, each produced by the command that causes it. */
describe('webhook event names, each from its command (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let receiver: WebhookReceiver;
  let contoso: string;
  let wingtip: string;
  let fabrikam: string;
  beforeAll(async () => {
    api = await startTestApi({
      WEBHOOKS_ALLOW_HTTP: 'true',
      WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOKS_RETRY_SCHEDULE: '0.05',
    });
    http = request(api.app.getHttpServer());
    receiver = await startReceiver();
    const operator = await bearer(api, 'platform', 'operator');
    for (const partner of [
      { id: 'contoso', name: 'Contoso', programs: ['direct-bill'] },
      { id: 'fabrikam', name: 'Fabrikam', programs: ['indirect-provider'] },
      {
        id: 'wingtip',
        name: 'Wingtip',
        programs: ['indirect-reseller'],
        indirectProviderId: 'fabrikam',
      },
    ])
      await http.post('/v1/partners').set('Authorization', operator).send(partner).expect(201);
    contoso = await bearer(api, 'contoso', 'admin-agent');
    wingtip = await bearer(api, 'wingtip', 'admin-agent');
    fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  const subscribeAll = async (auth: string, path: string) =>
    (
      await http
        .post('/v1/webhooks')
        .set('Authorization', auth)
        .send({ url: receiver.url(path), events: [...WEBHOOK_EVENT_NAMES] })
        .expect(201)
    ).body.id as string;
  const namesAt = (path: string) =>
    receiver.received
      .filter((got) => got.path === path)
      .map((got) => (JSON.parse(got.body) as { eventName: string }).eventName);

  it('notifies each partner concerned of every event name, and nothing else', async () => {
    const contosoHook = await subscribeAll(contoso, '/contoso');
    await subscribeAll(wingtip, '/wingtip');
    await subscribeAll(fabrikam, '/fabrikam');

    // A customer of contoso's: added, profile updated and erased, tagged, ordered for, suspended.
    const added = await http
      .post('/v1/customers')
      .set('Authorization', contoso)
      .send(newCustomerBody())
      .expect(201);
    const customerId = added.body.id as string;
    await http
      .put(`/v1/customers/${customerId}/billing-profile`)
      .set('Authorization', contoso)
      .set('If-Match', added.headers.etag as string)
      .send(newCustomerBody({ billing: { email: 'billing@contoso.cz' } }).billingProfile)
      .expect(200);
    await http
      .post(`/v1/customers/${customerId}/personal-data/erasure`)
      .set('Authorization', contoso)
      .send({ attestation: { accepted: true, reason: 'The customer asked' } })
      .expect(200);
    const tag = await http.post('/v1/tags').set('Authorization', contoso).send({ name: 'Gold' });
    await http
      .put(`/v1/customers/${customerId}/tags/${tag.body.id}`)
      .set('Authorization', contoso)
      .expect(200);
    const order = await http
      .post(`/v1/customers/${customerId}/orders`)
      .set('Authorization', contoso)
      .send({ catalog: 'online-services', lineItems: [{ offerId: 'M365-E3', quantity: 1 }] })
      .expect(201);
    const subscriptionId = order.body.lineItems[0].subscriptionId as string;
    await http
      .post(`/v1/customers/${customerId}/subscriptions/${subscriptionId}/suspend`)
      .set('Authorization', contoso)
      .send({})
      .expect(200);

    // Invitations: one revoked, one accepted with delegated admin, then the relationship removed.
    const revoked = await http
      .post('/v1/relationship-requests')
      .set('Authorization', contoso)
      .send({ includeDelegatedAdmin: false })
      .expect(201);
    await http
      .delete(`/v1/relationship-requests/${revoked.body.id}`)
      .set('Authorization', contoso)
      .expect((response) => expect([200, 204]).toContain(response.status));
    const invited = await http
      .post('/v1/relationship-requests')
      .set('Authorization', contoso)
      .send({ includeDelegatedAdmin: true })
      .expect(201);
    const accepted = await http
      .post(`/v1/relationship-requests/${invited.body.id}/acceptance`)
      .send({
        token: new URL(invited.body.url).searchParams.get('token'),
        customer: { companyName: 'Adatum', domain: 'adatum.onmicrosoft.com' },
      })
      .expect(201);
    await http
      .post(`/v1/customers/${accepted.body.customerId}/relationships/direct-reseller/removal`)
      .set('Authorization', contoso)
      .send({ attestation: { accepted: true, reason: 'Contract ended' } })
      .expect(200);

    // An indirect reseller invited with its provider: both are told of the acceptance.
    const indirect = await http
      .post('/v1/relationship-requests')
      .set('Authorization', wingtip)
      .send({ indirectProviderId: 'fabrikam', includeDelegatedAdmin: false })
      .expect(201);
    await http
      .post(`/v1/relationship-requests/${indirect.body.id}/acceptance`)
      .send({
        token: new URL(indirect.body.url).searchParams.get('token'),
        customer: { companyName: 'Litware', domain: 'litware.onmicrosoft.com' },
      })
      .expect(201);

    // GDAP: a relationship approved, given an access assignment that is withdrawn, then
    // terminated; another whose approval request expires. An endpoint subscribed to
    // `…-activated` (and not `…-approved`) is told of the approval under that name.
    await http
      .post('/v1/webhooks')
      .set('Authorization', contoso)
      .send({ url: receiver.url('/activated'), events: ['granular-admin-relationship-activated'] })
      .expect(201);
    const gdap = (path: string, body: object) =>
      http.post(`/v1/gdap-relationships${path}`).set('Authorization', contoso).send(body);
    const gdapBody = (displayName: string) => ({
      customerId,
      displayName,
      duration: 'P1D',
      roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
    });
    const granted = (await gdap('', gdapBody('Granted')).expect(201)).body.id as string;
    const grantedLock = await gdap(`/${granted}/requests`, { action: 'lockForApproval' }).expect(
      201,
    );
    await http
      .post(`/v1/gdap-relationships/${granted}/approval`)
      .send({ token: new URL(grantedLock.body.approvalUrl).searchParams.get('token') })
      .expect(200);
    const assignment = await gdap(`/${granted}/access-assignments`, {
      securityGroupId: '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b',
      roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
    }).expect(201);
    await http
      .delete(`/v1/gdap-relationships/${granted}/access-assignments/${assignment.body.id}`)
      .set('Authorization', contoso)
      .expect(204);
    await gdap(`/${granted}/requests`, { action: 'terminate' }).expect(201);
    const unanswered = (await gdap('', gdapBody('Unanswered')).expect(201)).body.id as string;
    const unansweredLock = await gdap(`/${unanswered}/requests`, { action: 'lockForApproval' });
    api.app.get(Clock).travelTo(unansweredLock.body.expiresAt as string);
    await eventually(
      async () =>
        (
          await http
            .get(
              `/v1/gdap-relationships?status=expired&minPosition=${unansweredLock.body.position}`,
            )
            .set('Authorization', contoso)
        ).body.total === 1,
      'the approval request’s expiry',
    );

    await http.post(`/v1/webhooks/${contosoHook}/test`).set('Authorization', contoso).expect(202);

    const contosoNames = [
      'customer-created',
      'customer-billing-profile-updated',
      'customer-personal-data-erased',
      'customer-tags-updated',
      'order-created',
      'subscription-updated',
      'relationship-request-created',
      'relationship-request-revoked',
      'relationship-request-created',
      'reseller-relationship-accepted-by-customer',
      // The accepting customer is new: it joins the partner's list.
      'customer-created',
      'dap-admin-relationship-approved',
      'relationship-removed',
      'dap-admin-relationship-terminated',
      'granular-admin-relationship-approved',
      'granular-admin-access-assignment-created',
      'granular-admin-access-assignment-deleted',
      'granular-admin-relationship-terminated',
      'granular-admin-relationship-expired',
      'test-created',
    ];
    // The provider is told of the invitation and the acceptance; the reseller, which the new
    // customer was added for, of its creation too.
    const providerNames = [
      'relationship-request-created',
      'indirect-reseller-relationship-accepted-by-customer',
    ];
    const resellerNames = [...providerNames, 'customer-created'];
    await eventually(
      () =>
        namesAt('/contoso').length >= contosoNames.length &&
        namesAt('/activated').length >= 1 &&
        namesAt('/wingtip').length >= resellerNames.length &&
        namesAt('/fabrikam').length >= providerNames.length,
      'every notification',
    );
    expect(namesAt('/contoso')).toEqual(contosoNames);
    expect(namesAt('/wingtip')).toEqual(resellerNames);
    expect(namesAt('/fabrikam')).toEqual(providerNames);
    expect(namesAt('/activated')).toEqual(['granular-admin-relationship-activated']);
    // Every name of the list is produced by some command here.
    const produced = new Set([...contosoNames, ...resellerNames, ...namesAt('/activated')]);
    expect(WEBHOOK_EVENT_NAMES.filter((name) => !produced.has(name))).toEqual([]);
  });
});
