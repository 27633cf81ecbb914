import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import {
  activityLog,
  addCustomer,
  bearerAs,
  type Http,
  registerPartners,
} from './activity-logs.fixtures.js';

describe('activity log: one entry by its position (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let jana: string;
  let fiona: string;
  let ours: string;
  let theirs: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso', 'fabrikam');
    jana = await bearerAs(api, 'contoso', 'jana');
    fiona = await bearerAs(api, 'fabrikam', 'fiona');
    const tag = await http.post('/v1/tags').set('Authorization', jana).send({ name: 'VIP' });
    ours = tag.body.position;
    const foreign = await http.post('/v1/tags').set('Authorization', fiona).send({ name: 'Key' });
    theirs = foreign.body.position;
  });
  afterAll(() => api.close());

  const entry = (position: string, auth = jana, query: Record<string, string> = {}) =>
    http.get(`/v1/activity-logs/${position}`).query(query).set('Authorization', auth);

  it('answers the caller’s entry at that position, as the list shows it', async () => {
    const response = await entry(ours, jana, { minPosition: theirs }).expect(200);
    const listed = (await activityLog(http, jana, { minPosition: theirs })).items;
    expect(response.body).toEqual(listed.find((item) => item.position === ours));
    expect(response.body).toMatchObject({
      position: ours,
      action: 'create_tag',
      resourceType: 'tag',
      customerId: null,
      performedBy: { userId: 'jana', upn: 'jana@contoso.example', role: 'admin-agent' },
      newValue: { name: 'VIP' },
    });
  });

  it('answers 404 for another partner’s entry, to each partner alike', async () => {
    for (const [position, auth] of [
      [theirs, jana],
      [ours, fiona],
    ] as const) {
      const response = await entry(position, auth, { minPosition: theirs }).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 404, code: 'activity-log-entry-not-found' });
    }
    await entry(theirs, fiona, { minPosition: theirs }).expect(200);
  });

  it('answers 404 for a position with no entry: an event that is no action, or none at all', async () => {
    // A customer's addition ends with the relationship it establishes: no entry of its own.
    const added = await addCustomer(http, jana);
    for (const position of [added.position, '999999999', '18446744073709551615']) {
      const response = await entry(position, jana, { minPosition: added.position }).expect(404);
      expect(response.body.code).toBe('activity-log-entry-not-found');
    }
  });

  it.each(['abc', '-1', '1.5', '0x10', '18446744073709551616', '123456789012345678901'])(
    'refuses the position %p (400 naming it)',
    async (position) => {
      const response = await entry(position).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'position' })]);
    },
  );

  it('refuses a bad minPosition and unknown parameters (400 naming them)', async () => {
    for (const [field, query] of [
      ['minPosition', { minPosition: 'soon' }],
      ['colour', { colour: 'red' }],
    ] as const) {
      const response = await entry(ours, jana, query).expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    }
  });

  it('reads its writes: with the command’s minPosition the new entry is there at once', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const tag = await http
        .post('/v1/tags')
        .set('Authorization', jana)
        .send({ name: `Fresh ${attempt}` })
        .expect(201);
      const { position } = tag.body as { position: string };
      const response = await entry(position, jana, { minPosition: position }).expect(200);
      expect(response.body).toMatchObject({ position, action: 'create_tag' });
    }
  });

  it('keeps the export its own route beside the entries', async () => {
    const response = await http
      .get('/v1/activity-logs/export')
      .query({ format: 'ndjson', minPosition: theirs })
      .set('Authorization', jana)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const actions = response.text
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { action: string }).action);
    expect(actions).toEqual(expect.arrayContaining(['export_activity_log', 'create_tag']));
  });

  it('is for admin agents only: 403 for other roles, 401 without a token', async () => {
    for (const role of ['sales-agent', 'billing-admin', 'helpdesk-agent'] as const) {
      const response = await entry(ours, await bearer(api, 'contoso', role)).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await http.get(`/v1/activity-logs/${ours}`).expect(401);
  });

  it('documents the route, its position and minPosition in the OpenAPI document', async () => {
    const { body } = await http.get('/docs-json').expect(200);
    const operation = body.paths['/v1/activity-logs/{position}'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['position', 'minPosition']),
    );
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '503']),
    );
    expect(body.paths['/v1/activity-logs/export'].get).toBeDefined();
  });
});
