import { NO_DELIVERIES } from './webhooks/webhooks.fixtures.js';
import request from 'supertest';
import { ALL_ROLES, type Role } from '@customer-workspace/auth';
import { bearer, startTestApi, type TestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';

interface Ids {
  customerId: string;
  tagId: string;
  subscriptionId: string;
  invitationId: string;
  webhookId: string;
  /** A GDAP relationship of contoso's with the customer (created, not yet locked). */
  gdapRelationshipId: string;
  /** The position of an entry of contoso's activity log (the tag's creation). */
  entryPosition: string;
}

interface Route {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: (ids: Ids) => string;
  /** The role matrix of docs/product.md#roles. */
  readonly allowed: readonly Role[];
  readonly body?: (ids: Ids) => object;
  readonly headers?: Record<string, string>;
  /** The route names a resource of the partner (a foreign partner must get 404). */
  readonly owned?: boolean;
}

const PARTNER: Role[] = ['admin-agent', 'sales-agent', 'billing-admin', 'helpdesk-agent'];
const billing = newCustomerBody().billingProfile;
/** https, a public address: accepted without resolving a name. */
const WEBHOOK_URL = 'https://93.184.215.14/hooks';

const GDAP_ROLE = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const gdap = (i: Ids, rest = '') => `/v1/gdap-relationships/${i.gdapRelationshipId}${rest}`;

const ROUTES: Record<string, Route> = {
  'POST /v1/partners': {
    method: 'post',
    path: () => '/v1/partners',
    allowed: ['operator'],
    body: () => ({ name: 'Matrix Ltd', programs: ['direct-bill'] }),
  },
  'GET /v1/partners/me': { method: 'get', path: () => '/v1/partners/me', allowed: PARTNER },
  'POST /v1/customers': {
    method: 'post',
    path: () => '/v1/customers',
    allowed: ['admin-agent', 'sales-agent'],
    body: () => newCustomerBody(),
  },
  'GET /v1/customers/{id}': {
    method: 'get',
    path: (i) => `/v1/customers/${i.customerId}`,
    allowed: PARTNER,
    owned: true,
  },
  'PUT /v1/customers/{id}/billing-profile': {
    method: 'put',
    path: (i) => `/v1/customers/${i.customerId}/billing-profile`,
    allowed: ['admin-agent', 'sales-agent', 'helpdesk-agent'],
    body: () => billing,
    headers: { 'If-Match': '"0"' },
    owned: true,
  },
  'POST /v1/relationship-requests': {
    method: 'post',
    path: () => '/v1/relationship-requests',
    allowed: ['admin-agent', 'sales-agent'],
    body: () => ({ includeDelegatedAdmin: false }),
  },
  'GET /v1/relationship-requests': {
    method: 'get',
    path: () => '/v1/relationship-requests',
    allowed: PARTNER,
  },
  'DELETE /v1/relationship-requests/{id}': {
    method: 'delete',
    path: (i) => `/v1/relationship-requests/${i.invitationId}`,
    allowed: ['admin-agent', 'sales-agent'],
    owned: true,
  },
  'POST /v1/customers/{id}/relationships/{relationship}/removal': {
    method: 'post',
    path: (i) => `/v1/customers/${i.customerId}/relationships/direct-reseller/removal`,
    allowed: ['admin-agent', 'sales-agent'],
    body: () => ({ attestation: { accepted: true, reason: 'Customer moved to another partner' } }),
    owned: true,
  },
  'POST /v1/customers/{id}/personal-data/erasure': {
    method: 'post',
    path: (i) => `/v1/customers/${i.customerId}/personal-data/erasure`,
    allowed: ['admin-agent'],
    body: () => ({ attestation: { accepted: true, reason: 'The customer asked' } }),
    owned: true,
  },
  'POST /v1/customers/{id}/orders': {
    method: 'post',
    path: (i) => `/v1/customers/${i.customerId}/orders`,
    allowed: PARTNER,
    body: () => ({ catalog: 'azure', lineItems: [{ offerId: 'AZ-PLAN', quantity: 1 }] }),
    owned: true,
  },
  'GET /v1/customers/{id}/orders': {
    method: 'get',
    path: (i) => `/v1/customers/${i.customerId}/orders`,
    allowed: PARTNER,
    owned: true,
  },
  'POST /v1/customers/{id}/subscriptions/{sid}/suspend': {
    method: 'post',
    path: (i) => `/v1/customers/${i.customerId}/subscriptions/${i.subscriptionId}/suspend`,
    allowed: PARTNER,
    body: () => ({}),
    owned: true,
  },
  'POST /v1/customers/{id}/subscriptions/{sid}/cancel': {
    method: 'post',
    path: (i) => `/v1/customers/${i.customerId}/subscriptions/${i.subscriptionId}/cancel`,
    allowed: PARTNER,
    body: () => ({}),
    owned: true,
  },
  'POST /v1/tags': {
    method: 'post',
    path: () => '/v1/tags',
    allowed: ['admin-agent'],
    body: () => ({ name: `tag-${Math.random()}` }),
  },
  'GET /v1/tags': { method: 'get', path: () => '/v1/tags', allowed: ['admin-agent'] },
  'DELETE /v1/tags/{tagId}': {
    method: 'delete',
    path: (i) => `/v1/tags/${i.tagId}`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'PUT /v1/customers/{id}/tags/{tagId}': {
    method: 'put',
    path: (i) => `/v1/customers/${i.customerId}/tags/${i.tagId}`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'DELETE /v1/customers/{id}/tags/{tagId}': {
    method: 'delete',
    path: (i) => `/v1/customers/${i.customerId}/tags/${i.tagId}`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'GET /v1/webhooks/events': {
    method: 'get',
    path: () => '/v1/webhooks/events',
    allowed: PARTNER,
  },
  'POST /v1/webhooks': {
    method: 'post',
    path: () => '/v1/webhooks',
    allowed: ['admin-agent'],
    body: () => ({ url: WEBHOOK_URL, events: ['customer-created'] }),
  },
  'GET /v1/webhooks/{id}': {
    method: 'get',
    path: (i) => `/v1/webhooks/${i.webhookId}`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'PATCH /v1/webhooks/{id}': {
    method: 'patch',
    path: (i) => `/v1/webhooks/${i.webhookId}`,
    allowed: ['admin-agent'],
    body: () => ({ description: 'changed' }),
    owned: true,
  },
  'DELETE /v1/webhooks/{id}': {
    method: 'delete',
    path: (i) => `/v1/webhooks/${i.webhookId}`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'POST /v1/webhooks/{id}/secret-rotation': {
    method: 'post',
    path: (i) => `/v1/webhooks/${i.webhookId}/secret-rotation`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'POST /v1/webhooks/{id}/test': {
    method: 'post',
    path: (i) => `/v1/webhooks/${i.webhookId}/test`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'GET /v1/audit/checkpoint': {
    method: 'get',
    path: () => '/v1/audit/checkpoint',
    allowed: ['admin-agent', 'operator'],
  },
  'GET /v1/audit/proofs/inclusion': {
    method: 'get',
    path: (i) => `/v1/audit/proofs/inclusion?position=${i.entryPosition}`,
    allowed: ['admin-agent'],
    owned: true,
  },
  'GET /v1/audit/proofs/consistency': {
    method: 'get',
    path: () => '/v1/audit/proofs/consistency?from=0',
    allowed: ['admin-agent', 'operator'],
  },
  'POST /v1/gdap-relationships': {
    method: 'post',
    path: () => '/v1/gdap-relationships',
    allowed: ['admin-agent'],
    body: () => ({ displayName: `Matrix ${Math.random()}`, duration: 'P30D', roles: [GDAP_ROLE] }),
  },
  'GET /v1/gdap-relationships': {
    method: 'get',
    path: () => '/v1/gdap-relationships',
    allowed: PARTNER,
  },
  'GET /v1/gdap-relationships/{id}': {
    method: 'get',
    path: (i) => gdap(i),
    allowed: PARTNER,
    owned: true,
  },
  'PATCH /v1/gdap-relationships/{id}': {
    method: 'patch',
    path: (i) => gdap(i),
    allowed: ['admin-agent'],
    body: () => ({ duration: 'P60D' }),
    owned: true,
  },
  'POST /v1/gdap-relationships/{id}/requests': {
    method: 'post',
    path: (i) => gdap(i, '/requests'),
    allowed: ['admin-agent'],
    body: () => ({ action: 'terminate' }),
    owned: true,
  },
  'POST /v1/gdap-relationships/{id}/access-assignments': {
    method: 'post',
    path: (i) => gdap(i, '/access-assignments'),
    allowed: ['admin-agent'],
    body: () => ({ securityGroupId: '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b', roles: [GDAP_ROLE] }),
    owned: true,
  },
  'GET /v1/gdap-relationships/{id}/access-assignments': {
    method: 'get',
    path: (i) => gdap(i, '/access-assignments'),
    allowed: ['admin-agent'],
    owned: true,
  },
  'DELETE /v1/gdap-relationships/{id}/access-assignments/{assignmentId}': {
    method: 'delete',
    path: (i) => gdap(i, '/access-assignments/a-1'),
    allowed: ['admin-agent'],
    owned: true,
  },
  'POST /v1/gdap-relationships/bulk': {
    method: 'post',
    path: () => '/v1/gdap-relationships/bulk',
    allowed: ['admin-agent'],
    body: (i) => ({ action: 'terminate', relationshipIds: [i.gdapRelationshipId] }),
  },
};

describe('every route × every role (docs/product.md#roles) and × a foreign partner', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;

  /** A fresh customer of contoso with a tag, a subscription, an invitation and a webhook: each test may use them up. */
  async function seed(): Promise<Ids> {
    const admin = await bearer(api, 'contoso', 'admin-agent');
    const customer = await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .send(newCustomerBody())
      .expect(201);
    const tag = await http
      .post('/v1/tags')
      .set('Authorization', admin)
      .send({ name: `t-${customer.body.id}` })
      .expect(201);
    const order = await http
      .post(`/v1/customers/${customer.body.id}/orders`)
      .set('Authorization', admin)
      .send({ catalog: 'software', lineItems: [{ offerId: 'SW-1', quantity: 2 }] })
      .expect(201);
    const invitation = await http
      .post('/v1/relationship-requests')
      .set('Authorization', admin)
      .send({ includeDelegatedAdmin: true })
      .expect(201);
    const webhook = await http
      .post('/v1/webhooks')
      .set('Authorization', admin)
      .send({ url: WEBHOOK_URL, events: ['order-created'] })
      .expect(201);
    const gdapRelationship = await http
      .post('/v1/gdap-relationships')
      .set('Authorization', admin)
      .send({
        customerId: customer.body.id,
        displayName: `Seed ${customer.body.id}`,
        duration: 'P30D',
        roles: [GDAP_ROLE],
      })
      .expect(201);
    await http
      .get(
        `/v1/gdap-relationships/${gdapRelationship.body.id}?minPosition=${gdapRelationship.body.position}`,
      )
      .set('Authorization', admin)
      .expect(200);
    return {
      gdapRelationshipId: gdapRelationship.body.id,
      customerId: customer.body.id,
      tagId: tag.body.id,
      subscriptionId: order.body.lineItems[0].subscriptionId,
      invitationId: invitation.body.id,
      webhookId: webhook.body.id,
      entryPosition: tag.body.position,
    };
  }

  function call(route: Route, ids: Ids, auth: string | undefined): request.Test {
    let test = http[route.method](route.path(ids));
    if (auth) test = test.set('Authorization', auth);
    for (const [name, value] of Object.entries(route.headers ?? {})) test = test.set(name, value);
    return route.body ? test.send(route.body(ids)) : test;
  }

  beforeAll(async () => {
    // ~600 requests of one partner in well under a minute: more than its rate limit allows.
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '0', ...NO_DELIVERIES });
    http = request(api.app.getHttpServer());
    const operator = await bearer(api, 'platform', 'operator');
    for (const id of ['contoso', 'fabrikam']) {
      await http
        .post('/v1/partners')
        .set('Authorization', operator)
        .send({ id, name: `${id} Ltd`, programs: ['direct-bill'] })
        .expect(201);
    }
  });
  afterAll(() => api.close());

  describe.each(Object.entries(ROUTES))('%s', (_name, route) => {
    it.each(ALL_ROLES.map((role) => [role, route.allowed.includes(role)] as const))(
      'role %s: allowed = %s',
      async (role, allowed) => {
        const ids = await seed();
        const response = await call(
          route,
          ids,
          await bearer(api, role === 'operator' ? 'platform' : 'contoso', role),
        );
        if (allowed) expect([401, 403]).not.toContain(response.status);
        else expect(response.status).toBe(403);
      },
    );

    it('without a token: 401', async () => {
      const response = await call(route, await seed(), undefined);
      expect(response.status).toBe(401);
    });

    if (route.owned) {
      it('a foreign partner gets 404 and learns nothing', async () => {
        const ids = await seed();
        const foreign = await bearer(api, 'fabrikam', route.allowed[0] as Role);
        const response = await call(route, ids, foreign);
        expect(response.status).toBe(404);
        const body = JSON.stringify(response.body);
        expect(body).not.toContain('Contoso');
        expect(body).not.toContain('contoso');
        expect(body).not.toContain('billingProfile');
      });
    }
  });
});
