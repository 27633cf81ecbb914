import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import { IDEMPOTENCY_FILE } from '@customer-workspace/api/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import { eventStoreOf, orderBody, seedCustomer } from './orders.fixtures.js';

describe('orders: relationship rules, idempotency and races (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  const auth: Record<string, string> = {};
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    for (const partner of ['provider', 'reseller', 'dual', 'other'])
      auth[partner] = await bearer(api, partner, 'sales-agent');
  });
  afterAll(() => api.close());

  const place = (id: string, partner: string, body: object, key?: string) => {
    const test = http.post(`/v1/customers/${id}/orders`).set('Authorization', auth[partner]!);
    return (key === undefined ? test : test.set('Idempotency-Key', key)).send(body);
  };
  const head = () => eventStoreOf(api).headPosition();
  const indirectCustomer = () =>
    seedCustomer(api, [
      { partnerId: 'reseller', relationship: 'indirect-reseller' },
      { partnerId: 'provider', relationship: 'indirect-provider' },
    ]);

  it('makes an indirect provider name its indirect reseller on record (400 without, 422 unrelated)', async () => {
    const id = await indirectCustomer();
    const before = await head();
    const missing = await place(id, 'provider', orderBody()).expect(400);
    expect(missing.body.code).toBe('partner-on-record-required');
    const unrelated = await place(id, 'provider', orderBody({}, { partnerIdOnRecord: 'other' }));
    expect(unrelated.status).toBe(422);
    expect(unrelated.body).toMatchObject({ code: 'partner-on-record-not-related' });
    expect(await head()).toBe(before);
    const placed = await place(id, 'provider', orderBody({}, { partnerIdOnRecord: 'reseller' }));
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      relationship: 'indirect-provider',
      lineItems: [{ partnerIdOnRecord: 'reseller', subscriptionStatus: 'active' }],
    });
  });

  it('refuses a partner on record under any other relationship (400)', async () => {
    const id = await indirectCustomer();
    const response = await place(id, 'reseller', orderBody({}, { partnerIdOnRecord: 'provider' }));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('partner-on-record-not-allowed');
  });

  it('makes a dual partner name the relationship it orders under', async () => {
    const id = await seedCustomer(api, [
      { partnerId: 'dual', relationship: 'direct-reseller' },
      { partnerId: 'dual', relationship: 'indirect-reseller' },
    ]);
    const unnamed = await place(id, 'dual', orderBody()).expect(400);
    expect(unnamed.body.code).toBe('relationship-required');
    const notHeld = await place(id, 'dual', orderBody({ relationship: 'indirect-provider' }));
    expect(notHeld.status).toBe(404);
    const named = await place(id, 'dual', orderBody({ relationship: 'indirect-reseller' }));
    expect(named.status).toBe(201);
    expect(named.body.relationship).toBe('indirect-reseller');
  });

  it('shows each partner only the orders it placed', async () => {
    const id = await indirectCustomer();
    await place(id, 'reseller', orderBody()).expect(201);
    await place(id, 'provider', orderBody({}, { partnerIdOnRecord: 'reseller' })).expect(201);
    const seen = await http
      .get(`/v1/customers/${id}/orders`)
      .set('Authorization', auth.reseller!)
      .expect(200);
    expect(seen.body.total).toBe(1);
    expect(seen.body.items[0].relationship).toBe('indirect-reseller');
  });

  it('answers an Idempotency-Key retry with the same order and appends nothing', async () => {
    const id = await indirectCustomer();
    const first = await place(id, 'reseller', orderBody(), 'order-1').expect(201);
    const before = await head();
    const retry = await place(id, 'reseller', orderBody(), 'order-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await head()).toBe(before);
  });

  it('derives the ids from the Idempotency-Key: a retry after a lost answer finds the same order', async () => {
    const id = await indirectCustomer();
    const first = await place(id, 'reseller', orderBody(), 'order-2').expect(201);
    // As if the process died after appending but before the key's answer was kept.
    const keys = new Database(join(api.dataDir, IDEMPOTENCY_FILE));
    keys.prepare('DELETE FROM idempotency_keys WHERE key = ?').run('order-2');
    keys.close();
    const before = await head();
    const retry = await place(id, 'reseller', orderBody(), 'order-2').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await head()).toBe(before);
  });

  it('retries orders that race with other writes to the customer stream: every one is placed', async () => {
    const id = await indirectCustomer();
    const orders = Array.from({ length: 4 }, (_, n) =>
      n % 2
        ? place(id, 'reseller', orderBody())
        : place(id, 'provider', orderBody({}, { partnerIdOnRecord: 'reseller' })),
    );
    const billing = http
      .put(`/v1/customers/${id}/billing-profile`)
      .set('Authorization', auth.reseller!)
      .set('If-Match', '"0"')
      .send(newCustomerBody().billingProfile);
    const responses = await Promise.all([...orders, billing]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 200]);
    const provider = await http
      .get(`/v1/customers/${id}/orders`)
      .set('Authorization', auth.provider!)
      .expect(200);
    expect(provider.body.total).toBe(2);
  });
});
