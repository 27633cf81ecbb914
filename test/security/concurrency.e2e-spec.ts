import request from 'supertest';
import { CustomerView } from '@customer-workspace/api/testing';
import { customerDecider, customerStream, visibleCustomer } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, startTestApi, type TestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';

const TAGS = 30;
const BILLING_UPDATES = 20;

/**
 * Concurrency: 50 commands racing on one customer stream (tag assignments and billing
 * updates with the same If-Match). No acknowledged update is lost, none is silently overwritten,
 * and the state the api shows equals a serial replay of the stored events.
 */
describe('50 concurrent commands on one customer stream', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(() => api.close());

  it('loses no update: the final state equals a serial replay of the stored events', async () => {
    const http = request(api.app.getHttpServer());
    await http
      .post('/v1/partners')
      .set('Authorization', await bearer(api, 'platform', 'operator'))
      .send({ id: 'race', name: 'Race s.r.o.', programs: ['direct-bill'] })
      .expect(201);
    const admin = await bearer(api, 'race', 'admin-agent');
    const customer = (
      await http.post('/v1/customers').set('Authorization', admin).send(newCustomerBody())
    ).body.id as string;
    const tagIds: string[] = [];
    for (let n = 0; n < TAGS; n++)
      tagIds.push(
        (
          await http
            .post('/v1/tags')
            .set('Authorization', admin)
            .send({ name: `t${n}` })
        ).body.id,
      );

    const assigns = tagIds.map((tag) =>
      http.put(`/v1/customers/${customer}/tags/${tag}`).set('Authorization', admin),
    );
    const updates = Array.from({ length: BILLING_UPDATES }, (_, n) =>
      http
        .put(`/v1/customers/${customer}/billing-profile`)
        .set('Authorization', admin)
        .set('If-Match', '"0"')
        .send(newCustomerBody({ billing: { firstName: `Writer${n}` } }).billingProfile),
    );
    const [assigned, updated] = await Promise.all([Promise.all(assigns), Promise.all(updates)]);

    expect(assigned.concat(updated).every((r) => [200, 409, 412].includes(r.status))).toBe(true);
    const accepted = updated.filter((response) => response.status === 200);
    expect(accepted).toHaveLength(1); // one writer wins against ETag "0"; the others get 412
    expect(updated.filter((r) => r.status === 412)).toHaveLength(BILLING_UPDATES - 1);
    const taggedOk = tagIds.filter((_tag, n) => assigned[n]!.status === 200);
    expect(taggedOk.length).toBeGreaterThan(0);

    const shown = (await http.get(`/v1/customers/${customer}`).set('Authorization', admin)).body;
    const events = await collect(
      api.app.get<EventStore>(EVENT_STORE).readStream(customerStream(customer)),
    );
    const replayed = events.reduce(
      (state, event) => customerDecider.evolve(state, event as never),
      customerDecider.initialState(),
    );
    const visible = visibleCustomer(replayed, { customerId: customer, partnerId: 'race' });
    // The detail adds the caller's GDAP relationships with the customer (none here).
    const detail = { ...CustomerView.of(visible, 'race'), gdapRelationships: [] };
    expect(shown).toEqual(JSON.parse(JSON.stringify(detail)));
    expect(shown.tags.map((t: { id: string }) => t.id).sort()).toEqual([...taggedOk].sort());
    expect(shown.billingProfile.firstName).toBe(
      accepted[0]!.body.billingProfile?.firstName ?? shown.billingProfile.firstName,
    );
    expect(shown.billingProfile.firstName).toMatch(/^Writer\d+$/);
  });
});
