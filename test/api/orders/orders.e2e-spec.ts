import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import { eventStoreOf, orderBody } from './orders.fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('orders: place and list (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  let customerId: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    admin = await bearer(api, 'contoso', 'admin-agent');
    customerId = await addCustomer();
  });
  afterAll(() => api.close());

  async function addCustomer(): Promise<string> {
    const added = await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .send(newCustomerBody())
      .expect(201);
    return added.body.id as string;
  }
  const place = (body: object = orderBody(), auth = admin, id = customerId) =>
    http.post(`/v1/customers/${id}/orders`).set('Authorization', auth).send(body);
  const list = (auth = admin, id = customerId, query = '') =>
    http.get(`/v1/customers/${id}/orders${query}`).set('Authorization', auth);
  const head = () => eventStoreOf(api).headPosition();

  it('places an order: completed, one active subscription per line item, with its position', async () => {
    const body = orderBody({
      catalog: 'azure',
      lineItems: [
        { offerId: 'DZH318Z0BQ3Q:0007', quantity: 1, friendlyName: 'Azure plan – Praha' },
        { offerId: 'CFQ7TTC0LH18:0001', quantity: 10_000, termDuration: 'P3Y' },
      ],
    });
    const { body: order } = await place(body).expect(201);
    expect(order).toEqual({
      id: expect.stringMatching(UUID),
      status: 'completed',
      catalog: 'azure',
      relationship: 'direct-reseller',
      createdAt: expect.any(String),
      lineItems: [
        {
          offerId: 'DZH318Z0BQ3Q:0007',
          quantity: 1,
          friendlyName: 'Azure plan – Praha',
          subscriptionId: expect.stringMatching(UUID),
          subscriptionStatus: 'active',
        },
        {
          offerId: 'CFQ7TTC0LH18:0001',
          quantity: 10_000,
          termDuration: 'P3Y',
          subscriptionId: expect.stringMatching(UUID),
          subscriptionStatus: 'active',
        },
      ],
      position: (await head()).toString(),
    });
    expect(order.lineItems[0].subscriptionId).not.toBe(order.lineItems[1].subscriptionId);
  });

  it('lists the orders placed by the caller with their line items and subscription status', async () => {
    const id = await addCustomer();
    const first = await place(orderBody(), admin, id).expect(201);
    const second = await place(orderBody({ catalog: 'software' }), admin, id).expect(201);
    const [one, two] = [{ ...first.body }, { ...second.body }];
    delete one.position;
    delete two.position;
    const { body } = await list(admin, id).expect(200);
    expect(body).toEqual({ items: [one, two], nextCursor: null, total: 2 });
  });

  it('lets every partner role place and view orders; the operator gets 403', async () => {
    for (const role of ['admin-agent', 'sales-agent', 'billing-admin', 'helpdesk-agent'] as const) {
      const auth = await bearer(api, 'contoso', role);
      await place(orderBody(), auth).expect(201);
      await list(auth).expect(200);
    }
    const operator = await bearer(api, 'contoso', 'operator');
    await place(orderBody(), operator).expect(403);
    await list(operator).expect(403);
  });

  it('needs a token (401)', async () => {
    await http.post(`/v1/customers/${customerId}/orders`).send(orderBody()).expect(401);
    await http.get(`/v1/customers/${customerId}/orders`).expect(401);
  });

  it("answers 404 for another partner's customer and an unknown one, storing nothing", async () => {
    const fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
    const before = await head();
    const foreign = await place(orderBody(), fabrikam).expect(404);
    expect(foreign.body).toMatchObject({ status: 404, code: 'customer-not-found' });
    await list(fabrikam).expect(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await place(orderBody(), admin, unknown).expect(404);
    await list(admin, unknown).expect(404);
    expect(await head()).toBe(before);
  });

  it.each([
    ['an unknown catalog', orderBody({ catalog: 'games' }), 'catalog'],
    ['a missing catalog', orderBody({ catalog: undefined }), 'catalog'],
    ['quantity 0', orderBody({}, { quantity: 0 }), 'lineItems.0.quantity'],
    ['quantity 10001', orderBody({}, { quantity: 10_001 }), 'lineItems.0.quantity'],
    ['a fractional quantity', orderBody({}, { quantity: 1.5 }), 'lineItems.0.quantity'],
    ['a quantity sent as text', orderBody({}, { quantity: '5' }), 'lineItems.0.quantity'],
    ['an unknown term', orderBody({}, { termDuration: 'P2Y' }), 'lineItems.0.termDuration'],
    ['a missing offer id', orderBody({}, { offerId: undefined }), 'lineItems.0.offerId'],
    ['an unknown relationship', orderBody({ relationship: 'friend' }), 'relationship'],
    ['an unknown field', orderBody({ discount: 50 }), 'discount'],
    ['an unknown line item field', orderBody({}, { price: 1 }), 'lineItems.0.price'],
    ['empty lineItems', orderBody({ lineItems: [] }), 'lineItems'],
    [
      '101 line items',
      orderBody({ lineItems: Array.from({ length: 101 }, () => orderBody().lineItems[0]) }),
      'lineItems',
    ],
  ])('refuses %s with 400 naming the field, storing nothing', async (_name, body, field) => {
    const before = await head();
    const response = await place(body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head()).toBe(before);
  });

  it('pages with limit and a stable cursor; a forged cursor or bad limit answers 400', async () => {
    const id = await addCustomer();
    for (const catalog of ['azure', 'software', 'marketplace']) {
      await place(orderBody({ catalog }), admin, id).expect(201);
    }
    const first = await list(admin, id, '?limit=2').expect(200);
    expect(first.body.items.map((o: { catalog: string }) => o.catalog)).toEqual([
      'azure',
      'software',
    ]);
    expect(first.body).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    await place(orderBody({ catalog: 'online-services' }), admin, id).expect(201);
    const next = await list(admin, id, `?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(next.body.items.map((o: { catalog: string }) => o.catalog)).toEqual([
      'marketplace',
      'online-services',
    ]);
    expect(next.body).toMatchObject({ total: 4, nextCursor: null });
    await list(admin, id, '?cursor=bm9wZQ').expect(400);
    await list(admin, id, '?limit=0').expect(400);
    await list(admin, id, '?limit=501').expect(400);
    await list(admin, id, '?minPosition=1').expect(200);
  });
});
