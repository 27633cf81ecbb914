import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { eventStoreOf, orderBody, seedCustomer } from './orders.fixtures.js';

describe('subscriptions: suspend and cancel (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let contoso: string;
  let fabrikam: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    contoso = await bearer(api, 'contoso', 'helpdesk-agent');
    fabrikam = await bearer(api, 'fabrikam', 'helpdesk-agent');
  });
  afterAll(() => api.close());

  /** A customer both partners resell, with one subscription ordered by contoso. */
  async function subscription(): Promise<{ customerId: string; subscriptionId: string }> {
    const customerId = await seedCustomer(api, [
      { partnerId: 'contoso', relationship: 'direct-reseller' },
      { partnerId: 'fabrikam', relationship: 'indirect-reseller' },
    ]);
    const order = await http
      .post(`/v1/customers/${customerId}/orders`)
      .set('Authorization', contoso)
      .send(orderBody())
      .expect(201);
    return { customerId, subscriptionId: order.body.lineItems[0].subscriptionId as string };
  }
  const change = (
    action: 'suspend' | 'cancel',
    { customerId, subscriptionId }: { customerId: string; subscriptionId: string },
    auth = contoso,
  ) =>
    http
      .post(`/v1/customers/${customerId}/subscriptions/${subscriptionId}/${action}`)
      .set('Authorization', auth);
  const head = () => eventStoreOf(api).headPosition();

  it('suspends, then cancels a subscription; the order list shows its current status', async () => {
    const sub = await subscription();
    const suspended = await change('suspend', sub).expect(200);
    expect(suspended.body).toEqual({
      subscriptionId: sub.subscriptionId,
      status: 'suspended',
      position: (await head()).toString(),
    });
    const cancelled = await change('cancel', sub).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(BigInt(cancelled.body.position)).toBeGreaterThan(BigInt(suspended.body.position));
    const orders = await http
      .get(`/v1/customers/${sub.customerId}/orders`)
      .set('Authorization', contoso)
      .expect(200);
    expect(orders.body.items[0].lineItems[0].subscriptionStatus).toBe('cancelled');
  });

  it('cancels an active subscription directly', async () => {
    const sub = await subscription();
    const cancelled = await change('cancel', sub).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('answers 409 to suspending twice and to cancelling after cancel, storing nothing', async () => {
    const sub = await subscription();
    await change('suspend', sub).expect(200);
    const again = await change('suspend', sub).expect(409);
    expect(again.body).toMatchObject({ status: 409, code: 'subscription-already-suspended' });
    await change('cancel', sub).expect(200);
    const before = await head();
    const twice = await change('cancel', sub).expect(409);
    expect(twice.body.code).toBe('subscription-already-cancelled');
    await change('suspend', sub).expect(409);
    expect(await head()).toBe(before);
  });

  it('lets every partner role suspend and cancel; the operator gets 403', async () => {
    for (const role of ['admin-agent', 'sales-agent', 'billing-admin', 'helpdesk-agent'] as const) {
      const sub = await subscription();
      const auth = await bearer(api, 'contoso', role);
      await change('suspend', sub, auth).expect(200);
      await change('cancel', sub, auth).expect(200);
    }
    const operator = await bearer(api, 'contoso', 'operator');
    const sub = await subscription();
    await change('suspend', sub, operator).expect(403);
    await change('cancel', sub, operator).expect(403);
  });

  it('needs a token (401)', async () => {
    const sub = await subscription();
    await change('suspend', sub, '').expect(401);
    await change('cancel', sub, '').expect(401);
  });

  it('answers 404 for an unknown subscription and another partner’s subscription or customer', async () => {
    const sub = await subscription();
    const before = await head();
    const unknown = { ...sub, subscriptionId: '00000000-0000-4000-8000-000000000000' };
    const missing = await change('suspend', unknown).expect(404);
    expect(missing.body.code).toBe('subscription-not-found');
    await change('cancel', unknown).expect(404);
    // fabrikam sees the customer (its own relationship) but not contoso's subscription.
    const foreignSub = await change('suspend', sub, fabrikam).expect(404);
    expect(foreignSub.body.code).toBe('subscription-not-found');
    await change('cancel', sub, fabrikam).expect(404);
    const stranger = await bearer(api, 'northwind', 'admin-agent');
    const foreignCustomer = await change('cancel', sub, stranger).expect(404);
    expect(foreignCustomer.body.code).toBe('customer-not-found');
    expect(await head()).toBe(before);
  });
});
