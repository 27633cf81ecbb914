import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@customer-workspace/auth';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import {
  activityLog,
  addCustomer,
  bearerAs,
  type Http,
  registerPartners,
} from './activity-logs.fixtures.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('activity log: filters, order, paging and access (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let jana: string;
  let petr: string;
  let fabrikam: string;
  let customerA: string;
  let customerB: string;
  let last: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso', 'fabrikam');
    jana = await bearerAs(api, 'contoso', 'jana');
    petr = await bearerAs(api, 'contoso', 'petr');
    fabrikam = await bearerAs(api, 'fabrikam', 'fiona');
    customerA = (await addCustomer(http, jana, 'Alfa a.s.')).id;
    customerB = (await addCustomer(http, petr, 'Beta s.r.o.')).id;
    const tag = await http.post('/v1/tags').set('Authorization', jana).send({ name: 'VIP' });
    await http.put(`/v1/customers/${customerA}/tags/${tag.body.id}`).set('Authorization', petr);
    const lastAssign = await http
      .put(`/v1/customers/${customerB}/tags/${tag.body.id}`)
      .set('Authorization', jana)
      .expect(200);
    await addCustomer(http, fabrikam, 'Gamma GmbH');
    last = lastAssign.body.position;
  });
  afterAll(() => api.close());

  /** The actions of contoso's entries matching `query` (after the setup is in the log). */
  const actionsOf = async (query: Record<string, string> = {}) =>
    (await activityLog(http, jana, { minPosition: last, ...query })).items.map((i) => i.action);

  it('lists the partner’s entries newest first, with their total', async () => {
    const page = await activityLog(http, jana, { minPosition: last });
    const positions = page.items.map((item) => BigInt(item.position as string));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(page.items.map((item) => item.action)).toEqual([
      'assign_customer_tag',
      'assign_customer_tag',
      'create_tag',
      'add_customer',
      'add_customer',
      'register_partner',
    ]);
    expect(page.total).toBe(6);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by customer, by action and by user (user id or UPN)', async () => {
    expect(await actionsOf({ customerId: customerA })).toEqual([
      'assign_customer_tag',
      'add_customer',
    ]);
    expect(await actionsOf({ action: 'add_customer' })).toEqual(['add_customer', 'add_customer']);
    const byPetr = ['assign_customer_tag', 'add_customer'];
    expect(await actionsOf({ user: 'petr' })).toEqual(byPetr);
    expect(await actionsOf({ user: 'petr@contoso.example' })).toEqual(byPetr);
    expect(await actionsOf({ user: 'nobody' })).toEqual([]);
  });

  it('filters by time: from inclusive, to exclusive, dates or date-times with offset', async () => {
    const all = (await activityLog(http, jana, { minPosition: last })).items;
    const middle = all[2]!.occurredAt as string;
    const expectedFrom = all.filter((i) => (i.occurredAt as string) >= middle).map((i) => i.action);
    const expectedTo = all.filter((i) => (i.occurredAt as string) < middle).map((i) => i.action);
    expect(await actionsOf({ from: middle })).toEqual(expectedFrom);
    expect(await actionsOf({ to: middle })).toEqual(expectedTo);
    expect(await actionsOf({ from: middle, to: middle })).toEqual([]);
    const now = Date.now();
    expect(await actionsOf({ from: dateOf(now - DAY_MS), to: dateOf(now + DAY_MS) })).toHaveLength(
      6,
    );
    expect(await actionsOf({ to: dateOf(now - DAY_MS) })).toEqual([]);
    const inPrague = new Date(now + 3_600_000).toISOString().replace('Z', '+01:00');
    expect(await actionsOf({ to: inPrague })).toHaveLength(6);
  });

  it('combines every filter', async () => {
    const now = Date.now();
    const page = await activityLog(http, jana, {
      minPosition: last,
      customerId: customerA,
      action: 'assign_customer_tag',
      user: 'petr',
      from: dateOf(now - DAY_MS),
      to: new Date(now + DAY_MS).toISOString(),
    });
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        customerId: customerA,
        customerName: 'Alfa a.s.',
        action: 'assign_customer_tag',
        performedBy: { userId: 'petr', upn: 'petr@contoso.example', role: 'admin-agent' },
      }),
    ]);
    expect(await actionsOf({ customerId: customerB, user: 'petr' })).toEqual(['add_customer']);
  });

  it('walks the pages by cursor: every entry exactly once, also while entries are added', async () => {
    const all = (await activityLog(http, jana, { minPosition: last })).items.map((i) => i.position);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof activityLog>> = await activityLog(http, jana, {
        limit: 2,
        ...(cursor === null ? { minPosition: last } : { cursor }),
      });
      seen.push(...page.items.map((item) => item.position));
      cursor = page.nextCursor;
      await http
        .post('/v1/tags')
        .set('Authorization', jana)
        .send({ name: `While ${seen.length}` });
    } while (cursor !== null);
    expect(seen).toEqual(all);
  });

  it('filters by a webhook action: an endpoint’s creation is create_webhook, without its secret', async () => {
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'wingtip');
    const wingtip = await bearerAs(api, 'wingtip', 'will');
    const webhookId = randomUUID();
    const sealed = 'v1.c2VhbGVk.c2VjcmV0.dGFn';
    // The webhook api is not built yet: its event is appended as the api would append it.
    const { position } = await api.app.get<EventStore>(EVENT_STORE).append(
      `webhook-${webhookId}`,
      [
        {
          eventId: randomUUID(),
          type: 'WebhookCreated',
          data: {
            webhookId,
            partnerId: 'wingtip',
            url: 'https://hooks.wingtip.example/in',
            events: ['customer-created'],
            secret: sealed,
          },
          metadata: {
            correlationId: randomUUID(),
            causationId: randomUUID(),
            actor: { userId: 'will', upn: 'will@wingtip.example', role: 'admin-agent' },
            partnerId: 'wingtip',
            occurredAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const page = await activityLog(http, wingtip, {
      action: 'create_webhook',
      minPosition: position.toString(),
    });
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        position: position.toString(),
        action: 'create_webhook',
        resourceType: 'webhook',
        customerId: null,
        customerName: null,
        newValue: {
          webhookId,
          url: 'https://hooks.wingtip.example/in',
          events: ['customer-created'],
        },
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain(sealed);
    expect(await actionsOf({ action: 'create_webhook' })).toEqual([]);
  });

  it('shows a partner none of another partner’s entries', async () => {
    const contoso = (await activityLog(http, jana, { minPosition: last, limit: 500 })).items;
    const theirs = (await activityLog(http, fabrikam, { minPosition: last, limit: 500 })).items;
    expect(theirs.map((item) => item.action)).toEqual(['add_customer', 'register_partner']);
    const ours = new Set(contoso.map((item) => item.position));
    expect(theirs.filter((item) => ours.has(item.position))).toEqual([]);
    expect(await actionsOf({ customerId: theirs[0]!.customerId as string })).toEqual([]);
  });

  it.each<Role>(['sales-agent', 'billing-admin', 'helpdesk-agent', 'operator'])(
    'refuses the %s role (403) on the list and the export',
    async (role) => {
      const auth = await bearer(api, 'contoso', role);
      for (const path of ['/v1/activity-logs', '/v1/activity-logs/export']) {
        const response = await http.get(path).set('Authorization', auth).expect(403);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    },
  );

  it('documents both routes, their parameters and the entry in the OpenAPI document', async () => {
    const { body } = await http.get('/docs-json').expect(200);
    const parameters = (path: string): string[] =>
      body.paths[path].get.parameters.map((parameter: { name: string }) => parameter.name);
    const filters = ['minPosition', 'from', 'to', 'customerId', 'action', 'user'];
    expect(parameters('/v1/activity-logs')).toEqual(
      expect.arrayContaining([...filters, 'limit', 'cursor']),
    );
    expect(parameters('/v1/activity-logs/export')).toEqual(
      expect.arrayContaining([...filters, 'format']),
    );
    expect(Object.keys(body.components.schemas.ActivityLogEntryView.properties)).toEqual(
      expect.arrayContaining(['position', 'occurredAt', 'customerId', 'customerName', 'action']),
    );
  });

  it('answers 401 without a token', async () => {
    await http.get('/v1/activity-logs').expect(401);
  });

  it.each([
    ['from', { from: 'yesterday' }],
    ['from', { from: '2026-02-30' }],
    ['to', { to: '2026-11-21T10:00:00' }],
    ['action', { action: 'delete_everything' }],
    ['user', { user: '' }],
    ['limit', { limit: '501' }],
    ['cursor', { cursor: 'abc' }],
    ['minPosition', { minPosition: 'soon' }],
    ['colour', { colour: 'red' }],
  ])('refuses a bad %s (400 naming it)', async (field, query) => {
    const response = await http
      .get('/v1/activity-logs')
      .query(query)
      .set('Authorization', jana)
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });
});
