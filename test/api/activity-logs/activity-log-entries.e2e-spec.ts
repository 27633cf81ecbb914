import request from 'supertest';
import { hashInvitationToken } from '@customer-workspace/api/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  activityLog,
  addCustomer,
  bearerAs,
  type Http,
  registerPartners,
} from './activity-logs.fixtures.js';

describe('activity log: one entry per command, with old and new values (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let jana: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso');
    jana = await bearerAs(api, 'contoso', 'jana');
  });
  afterAll(() => api.close());

  /** The newest entry of an action, once the log has reached `position`. */
  const latest = async (action: string, position: string) =>
    (await activityLog(http, jana, { action, minPosition: position, limit: 1 })).items[0];

  it('a billing-profile update shows who, when, the customer and the old and new profiles', async () => {
    const customer = await addCustomer(http, jana, 'Contoso Billing a.s.');
    const read = await http.get(`/v1/customers/${customer.id}`).set('Authorization', jana);
    const newProfile = { ...newCustomerBody().billingProfile, email: 'nova@contoso.cz' };
    const updated = await http
      .put(`/v1/customers/${customer.id}/billing-profile`)
      .set('Authorization', jana)
      .set('If-Match', read.headers.etag as string)
      .send(newProfile)
      .expect(200);
    const entry = await latest('update_customer_billing_profile', updated.body.position);
    expect(entry).toEqual({
      position: updated.body.position,
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      customerId: customer.id,
      customerName: 'Contoso Billing a.s.',
      action: 'update_customer_billing_profile',
      resourceType: 'billing-profile',
      performedBy: { userId: 'jana', upn: 'jana@contoso.example', role: 'admin-agent' },
      oldValue: newCustomerBody().billingProfile,
      newValue: newProfile,
      correlationId: expect.any(String),
      causationId: expect.any(String),
      eventId: expect.any(String),
      // minPosition waits for the audit tree too: the entry carries its leaf.
      leafIndex: expect.any(Number),
      leafHash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    });
    // The command's position is its last event's (the relationship, no entry of its own).
    const added = await latest('add_customer', customer.position);
    expect(added).toMatchObject({ customerId: customer.id, resourceType: 'customer' });
    expect(added).not.toHaveProperty('oldValue');
  });

  it('tag assignment and unassignment show the tag as the new and then the old value', async () => {
    const customer = await addCustomer(http, jana);
    const tag = await http
      .post('/v1/tags')
      .set('Authorization', jana)
      .send({ name: 'Gold' })
      .expect(201);
    const path = `/v1/customers/${customer.id}/tags/${tag.body.id}`;
    await http.put(path).set('Authorization', jana).expect(200);
    const removed = await http.delete(path).set('Authorization', jana).expect(200);
    const { items } = await activityLog(http, jana, {
      customerId: customer.id,
      minPosition: removed.body.position,
    });
    expect(items.map(({ action, oldValue, newValue }) => ({ action, oldValue, newValue }))).toEqual(
      [
        {
          action: 'unassign_customer_tag',
          oldValue: { tagId: tag.body.id, tagName: 'Gold' },
          newValue: null,
        },
        {
          action: 'assign_customer_tag',
          oldValue: null,
          newValue: { tagId: tag.body.id, tagName: 'Gold' },
        },
        { action: 'add_customer', oldValue: undefined, newValue: expect.any(Object) },
      ],
    );
    expect(await latest('create_tag', tag.body.position)).toMatchObject({
      customerId: null,
      newValue: { tagId: tag.body.id, name: 'Gold' },
    });
  });

  it('a suspended subscription shows status active before and suspended after', async () => {
    const customer = await addCustomer(http, jana);
    const order = await http
      .post(`/v1/customers/${customer.id}/orders`)
      .set('Authorization', jana)
      .send({ catalog: 'azure', lineItems: [{ offerId: 'DZH318Z0BQ3Q', quantity: 1 }] })
      .expect(201);
    const subscriptionId = order.body.lineItems[0].subscriptionId as string;
    const suspended = await http
      .post(`/v1/customers/${customer.id}/subscriptions/${subscriptionId}/suspend`)
      .set('Authorization', jana)
      .expect(200);
    expect(await latest('suspend_subscription', suspended.body.position)).toMatchObject({
      customerId: customer.id,
      resourceType: 'subscription',
      oldValue: { subscriptionId, status: 'active' },
      newValue: { subscriptionId, status: 'suspended' },
    });
    expect(await latest('create_order', order.body.position)).toMatchObject({
      newValue: { orderId: order.body.id, catalog: 'azure' },
    });
  });

  it('an invitation is logged without its token or the token’s hash', async () => {
    const invited = await http
      .post('/v1/relationship-requests')
      .set('Authorization', jana)
      .send({ includeDelegatedAdmin: true, language: 'cs' })
      .expect(201);
    const token = new URL(invited.body.url as string).searchParams.get('token') as string;
    const entry = await latest('request_reseller_relationship', invited.body.position);
    expect(entry).toMatchObject({
      newValue: {
        invitationId: invited.body.id,
        relationship: 'direct-reseller',
        includeDelegatedAdmin: true,
        language: 'cs',
        expiresAt: invited.body.expiresAt,
      },
    });
    const whole = JSON.stringify((await activityLog(http, jana, { limit: 500 })).items);
    const exported = await http
      .get('/v1/activity-logs/export?format=ndjson')
      .set('Authorization', jana)
      .expect(200);
    for (const text of [whole, exported.text]) {
      expect(text).toContain(invited.body.id);
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashInvitationToken(token));
      expect(text).not.toContain('tokenHash');
    }
  });

  it('reads its writes: a query with the command’s minPosition sees the entry at once', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const tag = await http
        .post('/v1/tags')
        .set('Authorization', jana)
        .send({ name: `Fresh ${attempt}` })
        .expect(201);
      const { items } = await activityLog(http, jana, {
        minPosition: tag.body.position,
        limit: 1,
      });
      expect(items[0]).toMatchObject({ position: tag.body.position, action: 'create_tag' });
    }
  });
});
