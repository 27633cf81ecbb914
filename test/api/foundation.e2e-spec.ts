import { Body, Controller, Get, Inject, Module, Post } from '@nestjs/common';
import { IsEmail, IsString, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { testEvents } from '@customer-workspace/event-store/testing';
import { Public } from '@customer-workspace/api/testing';
import { EMBEDDED_STORE, startTestApi, type TestApi } from '../fixtures/api-app.js';

class ProbeAddress {
  @IsString() @MinLength(2) city!: string;
}
class ProbeBody {
  @IsEmail() email!: string;
  @ValidateNested() @Type(() => ProbeAddress) address!: ProbeAddress;
}
@Public()
@Controller('probe')
class ProbeController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Takes a while, then writes: shows whether shutdown waits for in-flight requests. */
  @Get('slow')
  async slow(): Promise<{ position: string }> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { position } = await this.store.append('slow-1', testEvents(1), {
      expectedRevision: 'any',
    });
    return { position: position.toString() };
  }

  @Post()
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }
}
/** A route that exists only in this test, to exercise the api's validation and error handling. */
@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('api foundation (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  beforeEach(async () => {
    // Embedded: the shutdown test's write is the store's first event (position 1).
    api = await startTestApi({ BODY_LIMIT_BYTES: '4096', ...EMBEDDED_STORE }, [ProbeModule]);
    http = request(api.app.getHttpServer());
  });
  afterEach(() => api.close());

  it('GET /health answers 200 with the event store up and its head position', async () => {
    const response = await http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.checks).toEqual([
      { name: 'event-store', status: 'up', headPosition: '0' },
      { name: 'projection:customer-list', status: 'up', position: null, lag: '0' },
      { name: 'projection:activity-log', status: 'up', position: null, lag: '0' },
      { name: 'projection:gdap-relationships', status: 'up', position: null, lag: '0' },
      {
        name: 'process:audit-tree',
        status: 'up',
        position: null,
        treeSize: 0,
        checkpointTreeSize: 0,
        lag: '0',
      },
      { name: 'process:personal-data-erasure', status: 'up', position: null },
      { name: 'process:invitation-acceptance', status: 'up', position: null },
      { name: 'process:webhook-delivery', status: 'up', position: null },
      { name: 'process:gdap-transitions', status: 'up', position: null, nextTransitionAt: null },
    ]);
  });

  it('GET /health answers 503 naming the event store when it cannot be reached', async () => {
    await api.app.get<EventStore>(EVENT_STORE).close();
    const response = await http.get('/health').expect(503);
    expect(response.body.status).toBe('unavailable');
    expect(response.body.checks[0]).toMatchObject({ name: 'event-store', status: 'down' });
  });

  it('GET /metrics serves Prometheus text with latency, commands, events and projection series', async () => {
    await api.app
      .get<EventStore>(EVENT_STORE)
      .append('m-1', testEvents(3), { expectedRevision: 'any' });
    await http.get('/health').expect(200);
    const response = await http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/health",status_code="200"} 1',
    );
    expect(response.text).toContain('events_appended_total 3');
    expect(response.text).toContain('# TYPE commands_total counter');
    expect(response.text).toContain('# TYPE projection_lag gauge');
  });

  it('gives every response a correlation id, keeping a safe one the caller sent', async () => {
    const generated = await http.get('/health');
    expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await http.get('/health').set('X-Correlation-Id', 'order-42.retry_1');
    expect(kept.headers['x-correlation-id']).toBe('order-42.retry_1');
    const replaced = await http.get('/health').set('X-Correlation-Id', 'bad id\twith spaces');
    expect(replaced.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 problem details', async () => {
    const response = await http.get('/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 404,
      title: 'Not Found',
      type: expect.any(String),
      detail: expect.any(String),
    });
  });

  it('answers malformed JSON with 400 problem details', async () => {
    const response = await http
      .post('/probe')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, type: expect.any(String) });
  });

  it('answers an oversized body with 413 problem details', async () => {
    const response = await http
      .post('/probe')
      .send({ email: 'a@b.cz', address: { city: 'x'.repeat(5000) } })
      .expect(413);
    expect(response.body).toMatchObject({ status: 413 });
  });

  it('names each bad field, nested ones and unknown ones included', async () => {
    const response = await http
      .post('/probe')
      .send({ email: 'not-an-email', address: { city: 'P' }, isAdmin: true })
      .expect(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['address.city', 'email', 'isAdmin']);
    expect(response.body).toMatchObject({ status: 400, code: 'validation-failed' });
  });

  it('on shutdown finishes in-flight requests (they can still write) before closing the store', async () => {
    await api.app.listen(0, '127.0.0.1');
    const inFlight = fetch(`${await api.app.getUrl()}/probe/slow`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = api.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ position: '1' });
    await closed;
    await expect(api.app.get<EventStore>(EVENT_STORE).ping()).rejects.toMatchObject({
      code: 'event-store-closed',
    });
  });

  it('accepts a valid body', async () => {
    const body = { email: 'jana@contoso.cz', address: { city: 'Praha' } };
    await http.post('/probe').send(body).expect(201, body);
  });
});

describe('OpenAPI (HTTP)', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startTestApi()));
  afterAll(() => api.close());

  it('serves the document at /docs-json and the UI at /docs without a token', async () => {
    const http = request(api.app.getHttpServer());
    const json = await http.get('/docs-json').expect(200);
    expect(json.body).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      info: { title: 'Customer Workspace API' },
    });
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/health', '/metrics']));
    const ui = await http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('OpenAPI covers the whole HTTP contract', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startTestApi()));
  afterAll(() => api.close());

  const CONTRACT: [string, string][] = [
    ['post', '/v1/partners'],
    ['get', '/v1/partners/me'],
    ['post', '/v1/customers'],
    ['get', '/v1/customers/{id}'],
    ['put', '/v1/customers/{id}/billing-profile'],
    ['post', '/v1/relationship-requests'],
    ['get', '/v1/relationship-requests'],
    ['delete', '/v1/relationship-requests/{id}'],
    ['post', '/v1/relationship-requests/{id}/acceptance'],
    ['post', '/v1/customers/{id}/relationships/{relationship}/removal'],
    ['post', '/v1/customers/{id}/orders'],
    ['get', '/v1/customers/{id}/orders'],
    ['post', '/v1/customers/{id}/subscriptions/{sid}/suspend'],
    ['post', '/v1/customers/{id}/subscriptions/{sid}/cancel'],
    ['post', '/v1/tags'],
    ['get', '/v1/tags'],
    ['delete', '/v1/tags/{tagId}'],
    ['put', '/v1/customers/{id}/tags/{tagId}'],
    ['delete', '/v1/customers/{id}/tags/{tagId}'],
    ['get', '/v1/audit/checkpoint'],
    ['get', '/v1/audit/public-key'],
    ['get', '/v1/audit/proofs/inclusion'],
    ['get', '/v1/audit/proofs/consistency'],
  ];

  it.each(CONTRACT)(
    'documents %s %s with a success answer and problem answers',
    async (method, path) => {
      const { body } = await request(api.app.getHttpServer()).get('/docs-json').expect(200);
      const operation = body.paths[path]?.[method];
      expect(operation).toBeDefined();
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
      expect(statuses.some((s) => s.startsWith('4'))).toBe(true);
    },
  );
});
