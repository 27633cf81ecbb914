import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PARTNER_ROLES } from '@customer-workspace/auth';
import { CommandRunner } from '@customer-workspace/event-store';
import {
  deliveryIdOf,
  SecretSealer,
  signingSecretsAt,
  WEBHOOK_EVENT_NAMES,
  webhookDecider,
  webhookStream,
} from '@customer-workspace/webhooks';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import {
  createWebhook,
  PUBLIC_URL,
  registerPartner,
  webhookEvents,
  NO_DELIVERIES,
} from './webhooks.fixtures.js';

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

describe('webhook endpoints: registration and management (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  let stranger: string;
  beforeAll(async () => {
    api = await startTestApi(NO_DELIVERIES);
    http = request(api.app.getHttpServer());
    const operator = await bearer(api, 'platform', 'operator');
    admin = await bearer(api, 'contoso', 'admin-agent');
    stranger = await bearer(api, 'fabrikam', 'admin-agent');
    await registerPartner(http, operator, 'contoso').expect(201);
    await registerPartner(http, operator, 'fabrikam').expect(201);
  });
  afterAll(() => api.close());

  const get = (id: string, auth = admin) =>
    http.get(`/v1/webhooks/${id}`).set('Authorization', auth);
  const patch = (id: string, body: object, auth = admin) =>
    http.patch(`/v1/webhooks/${id}`).set('Authorization', auth).send(body);
  const rotate = (id: string, auth = admin) =>
    http.post(`/v1/webhooks/${id}/secret-rotation`).set('Authorization', auth);
  const test = (id: string, auth = admin) =>
    http.post(`/v1/webhooks/${id}/test`).set('Authorization', auth);
  const created = async (body: object = {}) =>
    (await createWebhook(http, admin, body).expect(201)).body;

  describe('event names', () => {
    it.each(PARTNER_ROLES)('lists every event name to the role %s', async (role) => {
      const { body } = await http
        .get('/v1/webhooks/events')
        .set('Authorization', await bearer(api, 'contoso', role))
        .expect(200);
      expect(body).toEqual({ items: [...WEBHOOK_EVENT_NAMES] });
    });
  });

  describe('creation', () => {
    it('answers the endpoint with its secret, once: reading it never shows the secret', async () => {
      const response = await createWebhook(http, admin, {
        events: ['order-created', 'customer-created', 'order-created'],
        description: 'CRM sync',
      }).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        url: PUBLIC_URL,
        events: ['order-created', 'customer-created'],
        description: 'CRM sync',
        status: 'enabled',
        secret: expect.stringMatching(SECRET),
        position: expect.stringMatching(/^\d+$/),
      });
      const { id, secret } = response.body as { id: string; secret: string };
      const read = await get(id).expect(200);
      expect(read.body).toEqual({
        id,
        url: PUBLIC_URL,
        events: ['order-created', 'customer-created'],
        description: 'CRM sync',
        status: 'enabled',
      });
      expect(JSON.stringify(read.body)).not.toContain('whsec_');
      expect(JSON.stringify(read.body)).not.toContain(secret);
    });

    it('stores the secret sealed for its endpoint only: no events, no file in DATA_DIR hold it', async () => {
      const { id, secret } = await created();
      const [event] = await webhookEvents(api, id);
      expect(event?.type).toBe('WebhookCreated');
      const stored = JSON.stringify(event?.data);
      expect(stored).not.toContain('whsec_');
      expect(stored).not.toContain(secret);
      const sealed = (event?.data as { secret: string }).secret;
      const sealer = api.app.get(SecretSealer);
      expect(sealer.open(sealed, id)).toBe(secret);
      expect(() => sealer.open(sealed, 'another-endpoint')).toThrow('cannot be opened');
      const files = readdirSync(api.dataDir, { recursive: true, withFileTypes: true });
      for (const file of files.filter((entry) => entry.isFile())) {
        const content = readFileSync(join(file.parentPath, file.name));
        expect(content.includes(Buffer.from('whsec_'))).toBe(false);
      }
    });

    it('is for the admin agent only', async () => {
      for (const role of ['sales-agent', 'billing-admin', 'helpdesk-agent'] as const) {
        await createWebhook(http, await bearer(api, 'contoso', role)).expect(403);
      }
    });

    it('is for a registered partner only', async () => {
      const response = await createWebhook(http, await bearer(api, 'nobody', 'admin-agent'));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('partner-not-found');
    });

    it.each([
      ['an unknown field', { extra: 1 }, 'extra'],
      ['no url', { url: undefined }, 'url'],
      ['a url that is not a string', { url: 42 }, 'url'],
      ['a url of 2049 characters', { url: `${PUBLIC_URL}?${'a'.repeat(2049)}` }, 'url'],
      ['no events', { events: undefined }, 'events'],
      ['an empty list of events', { events: [] }, 'events'],
      ['an unknown event name', { events: ['customer-created', 'customer-exploded'] }, 'events'],
      ['events that are not a list', { events: 'customer-created' }, 'events'],
      ['a description of 501 characters', { description: 'd'.repeat(501) }, 'description'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const response = await createWebhook(http, admin, body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    });

    it.each([
      ['a link-local (metadata) address', 'http://169.254.169.254/latest/meta-data', /only https/],
      ['a link-local address over https', 'https://169.254.169.254/', /link local/],
      ['a private address', 'https://10.0.0.1/hook', /private/],
      ['loopback by name', 'https://localhost/hook', /loopback|does not resolve/],
      ['loopback by address', 'https://127.0.0.1/hook', /loopback/],
      ['plain http', 'http://93.184.215.14/hook', /only https/],
      ['credentials in the URL', 'https://user:pass@93.184.215.14/hook', /credentials/],
      ['no URL at all', 'not a url', /not a URL/],
      ['another scheme', 'ftp://93.184.215.14/', /only https/],
    ])('refuses %s with 400 naming url and the reason', async (_case, url, reason) => {
      const response = await createWebhook(http, admin, { url }).expect(400);
      expect(response.body).toMatchObject({
        code: 'unsafe-webhook-target',
        errors: [{ field: 'url', message: expect.stringMatching(reason) }],
      });
      expect(JSON.stringify(response.body)).not.toContain('pass@');
    });

    it('answers a retry with the same Idempotency-Key 409 naming the endpoint, never its secret', async () => {
      const send = () =>
        createWebhook(http, admin, { description: 'keyed' }).set('Idempotency-Key', 'wh-create-1');
      const first = await send().expect(201);
      const before = (await webhookEvents(api, first.body.id)).length;
      const retry = await send().expect(409);
      expect(retry.body).toMatchObject({
        code: 'idempotent-answer-withheld',
        detail: expect.stringContaining(first.body.id),
      });
      expect(JSON.stringify(retry.body)).not.toContain('whsec_');
      expect(await webhookEvents(api, first.body.id)).toHaveLength(before);
      await get(first.body.id).expect(200);
    });
  });

  describe('changes', () => {
    it('changes the URL, the events and the description, and shows them at once', async () => {
      const { id } = await created();
      const url = 'https://93.184.215.14/hooks/v2';
      const response = await patch(id, {
        url,
        events: ['subscription-updated'],
        description: 'renamed',
      }).expect(200);
      expect(response.body).toEqual({
        id,
        url,
        events: ['subscription-updated'],
        description: 'renamed',
        status: 'enabled',
        position: expect.stringMatching(/^\d+$/),
      });
      const { position, ...view } = response.body as Record<string, unknown>;
      expect(position).toBeDefined();
      expect((await get(id).expect(200)).body).toEqual(view);
    });

    it('disables the endpoint on the partner’s word and enables it again', async () => {
      const { id } = await created();
      const disabled = await patch(id, { status: 'disabled' }).expect(200);
      expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'partner' });
      expect((await get(id).expect(200)).body).toMatchObject({ disabledReason: 'partner' });
      const enabled = await patch(id, { status: 'enabled' }).expect(200);
      expect(enabled.body.status).toBe('enabled');
      expect(enabled.body).not.toHaveProperty('disabledReason');
    });

    it('checks a new URL as at creation, and validates the fields given', async () => {
      const { id } = await created();
      const unsafe = await patch(id, { url: 'https://10.0.0.1/' }).expect(400);
      expect(unsafe.body).toMatchObject({ errors: [{ field: 'url' }] });
      for (const [body, field] of [
        [{ events: [] }, 'events'],
        [{ events: ['nope'] }, 'events'],
        [{ status: 'paused' }, 'status'],
        [{ secret: 'whsec_mine' }, 'secret'],
      ] as const) {
        const response = await patch(id, body).expect(400);
        expect(response.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field })]),
        );
      }
      expect((await get(id).expect(200)).body.url).toBe(PUBLIC_URL);
    });

    it('deletes an endpoint: afterwards it is not found, a second delete included', async () => {
      const { id } = await created();
      const deleted = await http
        .delete(`/v1/webhooks/${id}`)
        .set('Authorization', admin)
        .expect(204);
      expect(deleted.text).toBe('');
      await get(id).expect(404);
      await http.delete(`/v1/webhooks/${id}`).set('Authorization', admin).expect(404);
      await patch(id, { status: 'enabled' }).expect(404);
    });
  });

  describe('secret rotation', () => {
    it('answers a new secret; both sign during the overlap, then the new one alone', async () => {
      const { id, secret: first } = await created();
      const response = await rotate(id).expect(200);
      expect(response.body).toEqual({
        secret: expect.stringMatching(SECRET),
        previousSecretValidUntil: expect.any(String),
        position: expect.stringMatching(/^\d+$/),
      });
      const { secret: second, previousSecretValidUntil } = response.body as {
        secret: string;
        previousSecretValidUntil: string;
      };
      expect(second).not.toBe(first);
      const overlap = Date.parse(previousSecretValidUntil) - Date.now();
      expect(overlap).toBeGreaterThan(23.9 * 3600_000);
      expect(overlap).toBeLessThanOrEqual(24 * 3600_000);

      const { state } = await api.app.get(CommandRunner).load(webhookDecider, webhookStream(id));
      if (state.status !== 'registered') throw new Error('the endpoint is not registered');
      const sealer = api.app.get(SecretSealer);
      const signing = (at: Date) =>
        signingSecretsAt(state.webhook, at).map((sealed) => sealer.open(sealed, id));
      expect(signing(new Date())).toEqual([second, first]);
      expect(signing(new Date(Date.parse(previousSecretValidUntil) + 1))).toEqual([second]);
      const stored = (await webhookEvents(api, id)).map((event) => event.data);
      expect(JSON.stringify(stored)).not.toContain('whsec_');
      expect(JSON.stringify((await get(id).expect(200)).body)).not.toContain('whsec_');
    });

    it('answers a keyed retry 409 and keeps the secret out of the idempotency store', async () => {
      const { id } = await created();
      const first = await rotate(id).set('Idempotency-Key', 'wh-rotate-1').expect(200);
      const retry = await rotate(id).set('Idempotency-Key', 'wh-rotate-1').expect(409);
      expect(retry.body.code).toBe('idempotent-answer-withheld');
      expect(JSON.stringify(retry.body)).not.toContain(first.body.secret);
      const rotations = (await webhookEvents(api, id)).filter(
        (event) => event.type === 'WebhookSecretRotated',
      );
      expect(rotations).toHaveLength(1);
    });
  });

  describe('test deliveries', () => {
    it('accepts a test with 202 and names the delivery it will make', async () => {
      const { id } = await created();
      const response = await test(id).expect(202);
      expect(response.body).toEqual({
        deliveryId: expect.stringMatching(/^msg_[0-9a-f]{32}$/),
        position: expect.stringMatching(/^\d+$/),
      });
      const requested = (await webhookEvents(api, id)).at(-1);
      expect(requested?.type).toBe('WebhookTestRequested');
      expect(response.body.deliveryId).toBe(deliveryIdOf(requested?.eventId as string, id));
      const again = await test(id).expect(202);
      expect(again.body.deliveryId).not.toBe(response.body.deliveryId);
    });

    it('answers a keyed retry with the same delivery, requesting nothing more', async () => {
      const { id } = await created();
      const first = await test(id).set('Idempotency-Key', 'wh-test-1').expect(202);
      const retry = await test(id).set('Idempotency-Key', 'wh-test-1').expect(202);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const tests = (await webhookEvents(api, id)).filter(
        (event) => event.type === 'WebhookTestRequested',
      );
      expect(tests).toHaveLength(1);
    });

    it('refuses a test to a disabled endpoint with 409', async () => {
      const { id } = await created();
      await patch(id, { status: 'disabled' }).expect(200);
      const response = await test(id).expect(409);
      expect(response.body.code).toBe('webhook-disabled');
    });
  });

  describe('another partner’s endpoint', () => {
    it('is not found, whatever the route, and stays unchanged', async () => {
      const { id } = await created({ description: 'private' });
      const calls = [
        get(id, stranger),
        patch(id, { status: 'disabled' }, stranger),
        http.delete(`/v1/webhooks/${id}`).set('Authorization', stranger),
        rotate(id, stranger),
        test(id, stranger),
      ];
      for (const call of calls) {
        const response = await call.expect(404);
        expect(response.body.code).toBe('webhook-not-found');
        expect(JSON.stringify(response.body)).not.toContain('private');
      }
      expect(await webhookEvents(api, id)).toHaveLength(1);
      expect((await get(id).expect(200)).body.status).toBe('enabled');
    });
  });
});

describe('webhook targets the operator allows', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi({
      ...NO_DELIVERIES,
      WEBHOOKS_ALLOW_HTTP: 'true',
      WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1,10.20.0.0/16,169.254.169.254',
    });
    http = request(api.app.getHttpServer());
    admin = await bearer(api, 'contoso', 'admin-agent');
    await registerPartner(http, await bearer(api, 'platform', 'operator'), 'contoso').expect(201);
  });
  afterAll(() => api.close());

  it('accepts http, and loopback and private hosts listed by address or range', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'https://10.20.30.40/hook']) {
      const response = await createWebhook(http, admin, { url }).expect(201);
      expect(response.body.url).toBe(url);
    }
  });

  it('still refuses what is not listed, and link-local addresses even when listed', async () => {
    for (const [url, reason] of [
      ['http://10.0.0.1/hook', /private/],
      ['http://169.254.169.254/latest/meta-data', /link local/],
      ['http://[fe80::1]/hook', /link local/],
    ] as const) {
      const response = await createWebhook(http, admin, { url }).expect(400);
      expect(response.body).toMatchObject({
        errors: [{ field: 'url', message: expect.stringMatching(reason) }],
      });
    }
  });
});
