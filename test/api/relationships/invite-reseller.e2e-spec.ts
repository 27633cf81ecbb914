import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import request from 'supertest';
import type { RequestContext } from '@customer-workspace/api/testing';
import { deterministicUuid } from '@customer-workspace/api/testing';
import { InviteResellerCommand } from '@customer-workspace/api/testing';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  directContext,
  type Http,
  PARTNERS,
  registerPartners,
  tokenOf,
} from './relationships.fixtures.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('relationship requests: invite (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let contoso: string;
  let wingtip: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    contoso = await bearer(api, PARTNERS.direct.id, 'admin-agent');
    wingtip = await bearer(api, PARTNERS.reseller.id, 'sales-agent');
  });
  afterAll(() => api.close());

  const invite = (auth: string, body: object = { includeDelegatedAdmin: false }) =>
    http.post('/v1/relationship-requests').set('Authorization', auth).send(body);

  it('answers an email draft in the partner’s default language with a single-use URL that expires in 30 days', async () => {
    const before = Date.now();
    const { body } = await invite(contoso).expect(201);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/invitations\/[0-9a-f-]{36}\/accept\?token=/,
      ),
      email: {
        subject: 'Contoso s.r.o. vás zve k navázání vztahu s prodejcem',
        body: expect.any(String),
      },
      expiresAt: expect.any(String),
      position: expect.stringMatching(/^\d+$/),
    });
    expect(body.url).toContain(`/invitations/${body.id}/accept`);
    expect(tokenOf(body.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.email.body.split('\n')).toContain(body.url);
    const ttl = Date.parse(body.expiresAt) - before;
    expect(ttl).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    expect(ttl).toBeLessThanOrEqual(30 * DAY_MS + 5000);
  });

  it('writes the draft in the requested language, mentioning DAP only when asked for', async () => {
    const { body } = await invite(contoso, { includeDelegatedAdmin: true, language: 'de' }).expect(
      201,
    );
    expect(body.email.subject).toBe('Contoso s.r.o. lädt Sie zu einer Reseller-Beziehung ein');
    expect(body.email.body).toContain('delegierte Administratorberechtigungen');
  });

  it('stores only the SHA-256 of the token, never the token itself', async () => {
    const { body } = await invite(contoso).expect(201);
    const token = tokenOf(body.url);
    const stored = JSON.stringify(
      await collect(api.app.get<EventStore>(EVENT_STORE).readAll()),
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    expect(stored).not.toContain(token);
    expect(stored).toContain(createHash('sha256').update(token).digest('hex'));
    const again = await invite(contoso).expect(201);
    expect(tokenOf(again.body.url)).not.toBe(token);
  });

  it('lets an indirect reseller invite together with its own indirect provider only', async () => {
    await invite(wingtip, { includeDelegatedAdmin: true, indirectProviderId: 'fabrikam' }).expect(
      201,
    );
    const other = await invite(wingtip, {
      includeDelegatedAdmin: false,
      indirectProviderId: 'contoso',
    }).expect(422);
    expect(other.body).toMatchObject({ status: 422, code: 'not-own-indirect-provider' });
    const direct = await invite(contoso, {
      includeDelegatedAdmin: false,
      indirectProviderId: 'fabrikam',
    }).expect(422);
    expect(direct.body.code).toBe('not-an-indirect-reseller');
  });

  it('targets only a customer the partner sees: another partner’s or an unknown one answers 404', async () => {
    const customer = await http
      .post('/v1/customers')
      .set('Authorization', contoso)
      .send(newCustomerBody())
      .expect(201);
    const id = customer.body.id as string;
    await invite(contoso, { customerId: id.toUpperCase(), includeDelegatedAdmin: true }).expect(
      201,
    );
    const foreign = await invite(wingtip, { customerId: id, includeDelegatedAdmin: false }).expect(
      404,
    );
    expect(foreign.body).toMatchObject({ code: 'customer-not-found' });
    expect(JSON.stringify(foreign.body)).not.toContain('Contoso a.s.');
    await invite(contoso, {
      customerId: '00000000-0000-4000-8000-000000000000',
      includeDelegatedAdmin: false,
    }).expect(404);
  });

  it('answers 400 naming each bad field, and unknown fields, storing nothing', async () => {
    const head = await api.app.get<EventStore>(EVENT_STORE).headPosition();
    const bad = await invite(contoso, {
      customerId: 'not-a-guid',
      indirectProviderId: '-bad-',
      includeDelegatedAdmin: 'yes',
      language: 'fr',
      token: 'mine',
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['customerId', 'includeDelegatedAdmin', 'indirectProviderId', 'language', 'token'].sort(),
    );
    await invite(contoso, {}).expect(400);
    expect(await api.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
  });

  it('answers 401 without a token, 403 to billing and helpdesk roles, 404 to an unregistered partner', async () => {
    await http.post('/v1/relationship-requests').send({ includeDelegatedAdmin: false }).expect(401);
    await invite(await bearer(api, 'contoso', 'billing-admin')).expect(403);
    await invite(await bearer(api, 'contoso', 'helpdesk-agent')).expect(403);
    await invite(await bearer(api, 'platform', 'operator')).expect(403);
    const unknown = await invite(await bearer(api, 'nobody', 'admin-agent')).expect(404);
    expect(unknown.body.code).toBe('partner-not-found');
  });

  it('answers 409 to a keyed retry whose first attempt was stored but never answered: its URL is gone', async () => {
    const key = `retry-${Date.now()}`;
    const retried: RequestContext = {
      context: directContext('contoso'),
      newId: (label) => deterministicUuid(`${key}/id/${label}`),
      eventId: (index) => deterministicUuid(`${key}/${index}`),
    };
    const caller = {
      userId: 'u-1',
      upn: 'agent@contoso.cz',
      partnerId: 'contoso',
      roles: ['admin-agent'] as const,
    };
    const command = () =>
      new InviteResellerCommand(
        { includeDelegatedAdmin: false },
        caller,
        retried,
        'http://localhost',
      );
    const bus = api.app.get(CommandBus);
    await bus.execute(command());
    await expect(bus.execute(command())).rejects.toMatchObject({
      code: 'invitation-secret-lost',
      kind: 'conflict',
    });
  });
});

describe('relationship requests: the acceptance URL behind a proxy (HTTP)', () => {
  it('starts with PUBLIC_BASE_URL when it is set, not with the request’s host', async () => {
    const api = await startTestApi({ PUBLIC_BASE_URL: 'https://workspace.example.com/' });
    try {
      const http = request(api.app.getHttpServer());
      await registerPartners(http, await bearer(api, 'platform', 'operator'));
      const { body } = await http
        .post('/v1/relationship-requests')
        .set('Authorization', await bearer(api, 'contoso', 'admin-agent'))
        .send({ includeDelegatedAdmin: false })
        .expect(201);
      expect(body.url).toMatch(
        new RegExp(
          `^https://workspace\\.example\\.com/invitations/${body.id}/accept\\?token=[\\w-]{43}$`,
        ),
      );
    } finally {
      await api.close();
    }
  });
});
