import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  eventually,
  type Received,
  startReceiver,
  verifyDelivery,
  type WebhookReceiver,
} from '../../fixtures/webhook-receiver.js';
import { registerPartner } from './webhooks.fixtures.js';

type Http = ReturnType<typeof request>;

/** Deliveries to loopback receivers, with a short schedule: the settings a developer uses. */
const LOOPBACK = {
  WEBHOOKS_ALLOW_HTTP: 'true',
  WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOKS_RETRY_SCHEDULE: '0.05,0.05,0.05',
  WEBHOOKS_TIMEOUT_MS: '400',
};

const bodyOf = (received: Received) => JSON.parse(received.body) as Record<string, unknown>;

describe('the independent verifier', () => {
  it('accepts the Standard Webhooks specification’s own example, and nothing altered', () => {
    // The example of the specification (standard-webhooks.com, "Verifying webhooks").
    const example = {
      headers: {
        'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        'webhook-timestamp': '1614265330',
        'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      },
      body: '{"test": 2432232314}',
    };
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(verifyDelivery([secret], example, Number.POSITIVE_INFINITY)).toEqual([0]);
    expect(() =>
      verifyDelivery([secret], { ...example, body: '{"test": 2432232315}' }, Infinity),
    ).toThrow('no signature matches');
  });
});

describe('webhook deliveries to a loopback receiver (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let receiver: WebhookReceiver;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi(LOOPBACK);
    http = request(api.app.getHttpServer());
    const operator = await bearer(api, 'platform', 'operator');
    admin = await bearer(api, 'contoso', 'admin-agent');
    await registerPartner(http, operator, 'contoso').expect(201);
    await registerPartner(http, operator, 'fabrikam').expect(201);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer = () => ({ status: 204 });
  });

  const register = async (path: string, events: string[] = ['customer-created'], auth = admin) =>
    (
      await http
        .post('/v1/webhooks')
        .set('Authorization', auth)
        .send({ url: receiver.url(path), events })
        .expect(201)
    ).body as { id: string; secret: string; position: string };
  const addCustomer = async (auth = admin) =>
    (
      await http
        .post('/v1/customers')
        .set('Authorization', auth)
        .send(newCustomerBody())
        .expect(201)
    ).body as { id: string; position: string };
  const at = (path: string) => receiver.received.filter((received) => received.path === path);
  const deliveries = async (webhookId: string, query = '') =>
    (
      await http
        .get(`/v1/webhooks/${webhookId}/deliveries${query}`)
        .set('Authorization', admin)
        .expect(200)
    ).body;

  it('delivers a signed, thin notification that an independent verifier accepts', async () => {
    const hook = await register('/signed');
    const customer = await addCustomer();
    await eventually(() => at('/signed').length === 1, 'the delivery');
    const [received] = at('/signed');
    expect(verifyDelivery([hook.secret], received!)).toEqual([0]);
    expect(received!.headers['content-type']).toMatch(/^application\/json/);
    const body = bodyOf(received!);
    // The position of CustomerAdded: the command answers that of its last event (the relationship).
    const position = body.position as string;
    expect(BigInt(position)).toBeLessThanOrEqual(BigInt(customer.position));
    expect(body).toEqual({
      id: received!.headers['webhook-id'],
      eventName: 'customer-created',
      resourceName: 'customer',
      resourceUri: `/v1/customers/${customer.id}`,
      auditUri: `/v1/activity-logs/${position}?minPosition=${position}`,
      resourceChangeUtcDate: expect.any(String),
      position,
      partnerId: 'contoso',
    });
    // The audit link answers the activity-log entry of that event.
    const entry = await http
      .get(body.auditUri as string)
      .set('Authorization', admin)
      .expect(200);
    expect(entry.body).toMatchObject({ position, action: 'add_customer', customerId: customer.id });
    // Thin: no personal data of the billing profile.
    for (const personal of ['jana.novakova@contoso.cz', 'Nováková', '601 123 456', 'Vinohradská'])
      expect(received!.body).not.toContain(personal);
    const log = await deliveries(hook.id);
    expect(log.items).toEqual([
      {
        id: received!.headers['webhook-id'],
        eventName: 'customer-created',
        position,
        state: 'delivered',
        attempts: [{ at: expect.any(String), status: 204, durationMs: expect.any(Number) }],
      },
    ]);
  });

  it('retries after 500s and a timeout, with the same webhook-id, until delivered', async () => {
    await register('/flaky');
    receiver.answer = (received, count) => {
      if (received.path !== '/flaky') return { status: 204 };
      if (count === 1) return { status: 500, body: 'busy' };
      return count === 2 ? { status: 200, stall: true } : { status: 200 };
    };
    await addCustomer();
    await eventually(() => at('/flaky').length === 3, 'three attempts');
    const ids = new Set(at('/flaky').map((received) => received.headers['webhook-id']));
    expect(ids.size).toBe(1);
  });

  it('honours Retry-After on 429 and 503', async () => {
    await register('/slow-down');
    receiver.answer = (received, count) =>
      received.path === '/slow-down' && count === 1
        ? { status: 503, headers: { 'retry-after': '1' } }
        : { status: 204 };
    await addCustomer();
    await eventually(() => at('/slow-down').length === 2, 'the second attempt', 5_000);
    const [first, second] = at('/slow-down');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('disables an endpoint that answers 410 Gone, and records it', async () => {
    const hook = await register('/gone');
    receiver.answer = (received) => ({ status: received.path === '/gone' ? 410 : 204 });
    await addCustomer();
    await eventually(
      async () =>
        (await http.get(`/v1/webhooks/${hook.id}`).set('Authorization', admin)).body.status ===
        'disabled',
      'the endpoint disabled',
    );
    const endpoint = await http.get(`/v1/webhooks/${hook.id}`).set('Authorization', admin);
    expect(endpoint.body).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
    // Recorded in the partner's activity log, as done by the delivery.
    type Entry = { newValue?: { webhookId?: string; reason?: string }; performedBy: object };
    let entry: Entry | undefined;
    await eventually(async () => {
      const entries = await http
        .get('/v1/activity-logs?action=disable_webhook')
        .set('Authorization', admin)
        .expect(200);
      entry = (entries.body.items as Entry[]).find((item) => item.newValue?.webhookId === hook.id);
      return entry !== undefined;
    }, 'the disable_webhook entry');
    expect(entry).toMatchObject({
      newValue: { reason: 'gone' },
      performedBy: { userId: 'system:webhook-delivery', role: 'system' },
    });
    await addCustomer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(at('/gone')).toHaveLength(1);
  });

  it('disables an endpoint that fails the whole schedule', async () => {
    const hook = await register('/dead');
    receiver.answer = (received) => ({ status: received.path === '/dead' ? 500 : 204 });
    await addCustomer();
    await eventually(
      async () =>
        (await http.get(`/v1/webhooks/${hook.id}`).set('Authorization', admin)).body
          .disabledReason === 'failing',
      'the endpoint disabled as failing',
    );
    expect(at('/dead')).toHaveLength(4);
    const log = await deliveries(hook.id, '?state=failed');
    expect(log.total).toBe(1);
    expect(log.items[0].attempts).toHaveLength(4);
  });

  it('replays from a position with the original ids, to an endpoint enabled again', async () => {
    const hook = await register('/replay');
    await addCustomer();
    await addCustomer();
    await eventually(() => at('/replay').length === 2, 'two deliveries');
    const originals = at('/replay').map((received) => received.headers['webhook-id']);
    const first = bodyOf(at('/replay')[0]!);
    receiver.received.length = 0;
    const replayed = await http
      .post(`/v1/webhooks/${hook.id}/replay`)
      .set('Authorization', admin)
      .send({ fromPosition: first.position })
      .expect(202);
    expect(replayed.body).toEqual({ deliveries: 2 });
    await eventually(() => at('/replay').length === 2, 'the replay');
    expect(at('/replay').map((received) => received.headers['webhook-id'])).toEqual(originals);
  });

  it('refuses a replay body that mixes or lacks its forms, naming the fields', async () => {
    const hook = await register('/replay-bad');
    const mixed = await http
      .post(`/v1/webhooks/${hook.id}/replay`)
      .set('Authorization', admin)
      .send({ fromPosition: '1', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })
      .expect(400);
    expect(mixed.body.errors.map((error: { field: string }) => error.field)).toContain(
      'fromPosition',
    );
    const neither = await http
      .post(`/v1/webhooks/${hook.id}/replay`)
      .set('Authorization', admin)
      .send({})
      .expect(400);
    expect(neither.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'from',
      'to',
    ]);
    const backwards = await http
      .post(`/v1/webhooks/${hook.id}/replay`)
      .set('Authorization', admin)
      .send({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
      .expect(400);
    expect(backwards.body.errors).toEqual([{ field: 'from', message: 'from must come before to' }]);
  });

  it('pages the delivery log, and answers 400 for a cursor it could not have handed out', async () => {
    const hook = await register('/paged');
    await addCustomer();
    await addCustomer();
    await eventually(() => at('/paged').length === 2, 'two deliveries');
    const first = await deliveries(hook.id, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(2);
    const second = await deliveries(hook.id, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0].position < first.items[0].position).toBe(true);
    expect(second.nextCursor).toBeNull();
    const bad = await http
      .get(`/v1/webhooks/${hook.id}/deliveries?cursor=18446744073709551615`)
      .set('Authorization', admin)
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['cursor']);
  });

  it('signs with both secrets while a rotation overlaps', async () => {
    const hook = await register('/rotated');
    const rotation = await http
      .post(`/v1/webhooks/${hook.id}/secret-rotation`)
      .set('Authorization', admin)
      .expect(200);
    await addCustomer();
    await eventually(() => at('/rotated').length === 1, 'the delivery');
    const signers = verifyDelivery([hook.secret, rotation.body.secret], at('/rotated')[0]!);
    expect(signers).toEqual([0, 1]);
    expect(at('/rotated')[0]!.headers['webhook-signature']?.split(' ')).toHaveLength(2);
  });

  it('does not follow a redirect to a loopback service', async () => {
    const internal = await startReceiver();
    try {
      await register('/redirect');
      receiver.answer = (received) =>
        received.path === '/redirect'
          ? { status: 302, headers: { location: internal.url('/admin') } }
          : { status: 204 };
      await addCustomer();
      await eventually(() => at('/redirect').length >= 2, 'a retry after the redirect');
      expect(internal.received).toEqual([]);
    } finally {
      await internal.close();
    }
  });

  it('sends one test-created delivery on request', async () => {
    const hook = await register('/test', ['order-created']);
    const test = await http
      .post(`/v1/webhooks/${hook.id}/test`)
      .set('Authorization', admin)
      .expect(202);
    await eventually(() => at('/test').length === 1, 'the test delivery');
    const [received] = at('/test');
    expect(received!.headers['webhook-id']).toBe(test.body.deliveryId);
    expect(bodyOf(received!)).toMatchObject({ eventName: 'test-created', auditUri: null });
  });

  it('keeps two partners apart: endpoints, deliveries and notifications', async () => {
    const fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
    const ours = await register('/ours');
    const theirs = await register('/theirs', ['customer-created'], fabrikam);
    await addCustomer(fabrikam);
    await eventually(() => at('/theirs').length === 1, 'fabrikam’s delivery');
    expect(at('/ours')).toEqual([]);
    const listed = await http
      .get(`/v1/webhooks?minPosition=${theirs.position}`)
      .set('Authorization', fabrikam)
      .expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
    await http.get(`/v1/webhooks/${ours.id}/deliveries`).set('Authorization', fabrikam).expect(404);
    await http
      .post(`/v1/webhooks/${ours.id}/replay`)
      .set('Authorization', fabrikam)
      .send({ fromPosition: '0' })
      .expect(404);
  });
});
