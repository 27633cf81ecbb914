import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { acceptanceBody, tokenOf } from '../relationships/relationships.fixtures.js';
import { addCustomer, DUAL, type Http, listCustomers, PROVIDER } from './customer-list.fixtures.js';

interface Row {
  id: string;
  companyName: string;
  relationship: string;
  tags: string[];
}

describe('GET /v1/customers (customer-list read model)', () => {
  let api: TestApi;
  let http: Http;
  let dual: string;
  let other: string;
  let last = '0';
  let afterSetup = '';
  const names: Record<string, string> = {};
  beforeAll(async () => {
    // Short, for the 503 test below; on a node the fresh deployment's first scan of the shared
    // log takes longer (see testStoreEnv).
    const onNode = Boolean(process.env.EVENTSTORE_CONNECTION_STRING);
    api = await startTestApi({ READ_MODEL_WAIT_MS: onNode ? '10000' : '300' });
    http = request(api.app.getHttpServer());
    const operator = await bearer(api, 'platform', 'operator');
    for (const partner of [
      PROVIDER,
      DUAL,
      { id: 'other', name: 'Other', programs: ['direct-bill'] },
    ])
      await http.post('/v1/partners').set('Authorization', operator).send(partner).expect(201);
    dual = await bearer(api, 'dual', 'admin-agent');
    other = await bearer(api, 'other', 'sales-agent');
    for (const [name, domain] of [
      ['Žluťoučký kůň s.r.o.', 'zlutoucky.onmicrosoft.com'],
      ['Omega a.s.', 'omega.cz'],
      ['Ómega Šťastný', 'stastny.onmicrosoft.com'],
      ['Győri Keksz Kft.', 'gyori.hu'],
      ['alpha GmbH', 'alpha.example'],
    ] as const) {
      const { id, position } = await addCustomer(http, dual, name, domain);
      names[name] = id;
      last = position;
    }
    afterSetup = new Date().toISOString();
  });
  afterAll(() => api.close());

  const list = async (query: Record<string, string> = {}, auth = dual) =>
    (await listCustomers(http, auth, { minPosition: last, ...query }).expect(200)).body as {
      items: Row[];
      nextCursor: string | null;
      total: number;
      totalExact: boolean;
    };

  it('reads its own writes: a list with the command’s position as minPosition shows it', async () => {
    const added = await addCustomer(http, other, 'Fresh Start s.r.o.', 'fresh.example');
    const body = await list({ minPosition: added.position }, other);
    expect(body.items.map((row) => row.id)).toEqual([added.id]);
  });

  it('sorts by company name ignoring case and accents, with the total', async () => {
    const body = await list();
    expect(body.items.map((row) => row.companyName)).toEqual([
      'alpha GmbH',
      'Győri Keksz Kft.',
      'Omega a.s.',
      'Ómega Šťastný',
      'Žluťoučký kůň s.r.o.',
    ]);
    expect(body.total).toBe(5);
    expect(body.totalExact).toBe(true);
    expect(body.items[0]).toMatchObject({ relationship: 'direct-reseller', tags: [] });
  });

  it.each([
    ['STASTNY', ['Ómega Šťastný']],
    ['zlutou', ['Žluťoučký kůň s.r.o.']],
    ['győ', ['Győri Keksz Kft.']],
    ['onmicrosoft', ['Ómega Šťastný', 'Žluťoučký kůň s.r.o.']],
  ])('searches %j in names and domains ignoring case and accents', async (q, expected) => {
    const body = await list({ q });
    expect(body.items.map((row) => row.companyName)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('searches by Microsoft ID', async () => {
    const id = names['Omega a.s.']!;
    expect((await list({ q: id.slice(4, 16).toUpperCase() })).items.map((r) => r.id)).toEqual([id]);
  });

  it('walks every row exactly once with limit and nextCursor, in every sort', async () => {
    for (const sort of ['companyName', '-companyName', 'domain', 'createdAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list({ sort, limit: '2', ...(cursor && { cursor }) });
        expect(page.total).toBe(5);
        seen.push(...page.items.map((row) => row.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    }
  });

  it('filters by tag and relationship; a dual partner sees a customer once per relationship', async () => {
    const omega = names['Omega a.s.']!;
    const invitation = await http
      .post('/v1/relationship-requests')
      .set('Authorization', dual)
      .send({ customerId: omega, indirectProviderId: 'fabrikam', includeDelegatedAdmin: false })
      .expect(201);
    const accepted = await http
      .post(`/v1/relationship-requests/${invitation.body.id}/acceptance`)
      .send(
        acceptanceBody(tokenOf(invitation.body.url), {
          id: omega,
          companyName: 'Omega a.s.',
          domain: 'omega.cz',
        }),
      )
      .expect(201);
    const tag = await http.post('/v1/tags').set('Authorization', dual).send({ name: 'Klíčový' });
    const assigned = await http
      .put(`/v1/customers/${omega}/tags/${tag.body.id}`)
      .set('Authorization', dual)
      .expect(200);
    last = assigned.body.position;
    const rows = (await list({ q: 'omega.cz' })).items;
    expect(rows.map((row) => [row.relationship, row.tags])).toEqual([
      ['direct-reseller', ['Klíčový']],
      ['indirect-reseller', ['Klíčový']],
    ]);
    expect((await list({ tag: 'KLICOVY' })).total).toBe(2);
    expect((await list({ relationship: 'indirect-reseller' })).items.map((r) => r.id)).toEqual([
      omega,
    ]);
    const provider = await bearer(api, 'fabrikam', 'helpdesk-agent');
    const asProvider = await list({ minPosition: accepted.body.position }, provider);
    expect(asProvider.items.map((row) => [row.id, row.relationship])).toEqual([
      [omega, 'indirect-provider'],
    ]);
    expect(asProvider.items[0]?.tags).toEqual([]);
  });

  it('drops the row of a removed relationship', async () => {
    const alpha = names['alpha GmbH']!;
    const removal = await http
      .post(`/v1/customers/${alpha}/relationships/direct-reseller/removal`)
      .set('Authorization', dual)
      .send({ attestation: { accepted: true, reason: 'The customer moved to another partner' } })
      .expect(200);
    last = removal.body.position;
    expect((await list()).items.map((row) => row.id)).not.toContain(alpha);
  });

  it('answers asOf with the list as it was then', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = await addCustomer(http, dual, 'Later Ltd', 'later.example');
    last = later.position;
    const now = await list();
    expect(now.items.map((row) => row.id)).toContain(later.id);
    const then = await list({ asOf: before });
    expect(then.items.map((row) => row.id)).not.toContain(later.id);
    expect(then.items.map((row) => row.id)).toContain(names['Győri Keksz Kft.']);
    expect(then.items.map((row) => row.id)).not.toContain(names['alpha GmbH']);
    expect((await list({ asOf: afterSetup })).items.map((row) => row.id)).toContain(
      names['alpha GmbH'],
    );
    expect((await list({ asOf: '2000-01-01' })).total).toBe(0);
  });

  it('never shows another partner’s customers', async () => {
    const body = await list({}, other);
    expect(body.items.map((row) => row.companyName)).toEqual(['Fresh Start s.r.o.']);
  });

  it.each([
    [{ sort: 'name' }, 'sort'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ relationship: 'friend' }, 'relationship'],
    [{ asOf: 'yesterday' }, 'asOf'],
    [{ asOf: '2026-13-45T00:00:00Z' }, 'asOf'],
    [{ cursor: 'bm9wZQ' }, 'cursor'],
    [{ minPosition: '-1' }, 'minPosition'],
    [{ color: 'blue' }, 'color'],
  ])('answers %j with 400 naming %s', async (query, field) => {
    const response = await listCustomers(http, dual, query).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 503 read-model-behind when minPosition is not reached in time', async () => {
    const response = await listCustomers(http, dual, { minPosition: '999999999' }).expect(503);
    expect(response.body.code ?? response.body.type).toMatch(/read-model-behind/);
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('shows the projection, its position and lag in /health', async () => {
    const health = await http.get('/health').expect(200);
    expect(health.body.checks).toContainEqual(
      expect.objectContaining({ name: 'projection:customer-list', status: 'up', lag: '0' }),
    );
  });
});
