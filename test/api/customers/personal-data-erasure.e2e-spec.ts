import request from 'supertest';
import { customerStream } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect, testMetadata } from '@customer-workspace/event-store/testing';
import { PERSONAL_DATA_KEYS, type PersonalDataKeys } from '@customer-workspace/personal-data';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { bearer, openTestStore, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { distinctiveProfile } from '../../fixtures/personal-data.js';
import {
  acceptanceBody,
  registerPartners,
  tokenOf,
} from '../relationships/relationships.fixtures.js';

type Http = ReturnType<typeof request>;
const ATTESTED = { attestation: { accepted: true, reason: 'The customer asked (GDPR art. 17)' } };
const ERASED_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phoneNumber',
  'defaultAddress.addressLine1',
  'defaultAddress.addressLine2',
  'defaultAddress.city',
  'defaultAddress.postalCode',
];
const ERASED_PROFILE = (tag: string) => ({
  companyName: `Erasable ${tag} a.s.`,
  email: null,
  culture: 'cs-CZ',
  language: 'cs',
  firstName: null,
  lastName: null,
  phoneNumber: null,
  defaultAddress: {
    addressLine1: null,
    addressLine2: null,
    city: null,
    state: 'Zlínský kraj',
    postalCode: null,
    country: 'CZ',
  },
  personalDataErased: true,
});

describe('customers: personal-data erasure (HTTP, docs/product.md rule 8)', () => {
  let api: TestApi;
  let http: Http;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    admin = await bearer(api, 'contoso', 'admin-agent');
  });
  afterAll(() => api.close());

  const add = async (tag: string, key?: string) => {
    const post = http.post('/v1/customers').set('Authorization', admin);
    if (key) post.set('Idempotency-Key', key);
    return (await post.send(distinctiveProfile(tag)).expect(201)).body as { id: string };
  };
  const erase = (id: string, body: object = ATTESTED, auth = admin) =>
    http.post(`/v1/customers/${id}/personal-data/erasure`).set('Authorization', auth).send(body);
  const get = (id: string) =>
    http.get(`/v1/customers/${id}`).set('Authorization', admin).expect(200);
  const eventsOf = async (id: string) =>
    collect(api.app.get<EventStore>(EVENT_STORE).readStream(customerStream(id)));
  const logOf = async (id: string, position: string) =>
    (
      await http
        .get(`/v1/activity-logs?customerId=${id}&minPosition=${position}`)
        .set('Authorization', admin)
        .expect(200)
    ).body.items as { action: string; oldValue?: unknown; newValue?: unknown }[];

  it('erases: 200 with the position and the erased fields; the customer then reads erased', async () => {
    const { id } = await add('life');
    const before = await get(id);
    const { body } = await erase(id).expect(200);
    expect(body).toEqual({ position: expect.stringMatching(/^\d+$/), erasedFields: ERASED_FIELDS });
    const after = await get(id);
    expect(after.body).toMatchObject({
      id,
      companyProfile: before.body.companyProfile,
      billingProfile: ERASED_PROFILE('life'),
      personalDataErased: true,
      relationships: [{ relationship: 'direct-reseller' }],
    });
    expect(before.body.personalDataErased).toBe(false);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const erased = (await eventsOf(id)).at(-1)!;
    expect(erased).toMatchObject({
      type: 'CustomerPersonalDataErased',
      data: { attestationReason: 'The customer asked (GDPR art. 17)', erasedFields: ERASED_FIELDS },
    });
    expect(JSON.stringify(erased.data)).not.toContain('kvetoslava');
  });

  it('shows "[erased]" in the activity log for the values of every earlier profile', async () => {
    const { id } = await add('log');
    const etag = (await get(id)).headers.etag as string;
    const next = distinctiveProfile('log-2').billingProfile;
    await http
      .put(`/v1/customers/${id}/billing-profile`)
      .set('Authorization', admin)
      .set('If-Match', etag)
      .send(next)
      .expect(200);
    const { body } = await erase(id).expect(200);
    const items = await logOf(id, body.position);
    expect(items.map((item) => item.action)).toEqual([
      'erase_customer_personal_data',
      'update_customer_billing_profile',
      'add_customer',
    ]);
    const text = JSON.stringify(items);
    expect(text).not.toMatch(
      /kvetoslava|Květoslava|Hrdličková|Pivovarská|Hradiště|686 01|\+420 77/,
    );
    expect(items[1]!.oldValue).toMatchObject({
      email: '[erased]',
      defaultAddress: { city: '[erased]', country: 'CZ' },
    });
    expect(items[1]!.newValue).toMatchObject({
      firstName: '[erased]',
      companyName: 'Erasable log-2 a.s.',
    });
    const exported = await http
      .get(`/v1/activity-logs/export?format=ndjson&customerId=${id}`)
      .set('Authorization', admin)
      .expect(200);
    expect(exported.text).toContain('[erased]');
    expect(exported.text).not.toMatch(/kvetoslava|Květoslava|Hrdličková|Pivovarská|Hradiště/);
    expect(items[0]!.newValue).toEqual({
      personalDataErased: true,
      erasedFields: ERASED_FIELDS,
      attestationReason: 'The customer asked (GDPR art. 17)',
    });
  });

  it('leaves the other customers as they were', async () => {
    const erased = await add('gone');
    const kept = await add('kept');
    await erase(erased.id).expect(200);
    const { body } = await get(kept.id);
    expect(body.billingProfile).toEqual(distinctiveProfile('kept').billingProfile);
    expect(body.personalDataErased).toBe(false);
  });

  it('refuses a missing, unaccepted or reasonless attestation with 400 naming the field, changing nothing', async () => {
    const { id } = await add('invalid');
    const cases: [object, string][] = [
      [{}, 'attestation'],
      [{ attestation: { accepted: false, reason: 'asked' } }, 'attestation.accepted'],
      [{ attestation: { accepted: true, reason: '   ' } }, 'attestation.reason'],
      [{ attestation: { accepted: 'yes', reason: 'asked' } }, 'attestation.accepted'],
      [{ ...ATTESTED, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await erase(id, body).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await eventsOf(id)).map((e) => e.type)).toEqual([
      'CustomerAdded',
      'RelationshipEstablished',
    ]);
    expect((await get(id)).body.personalDataErased).toBe(false);
  });

  it('is for admin agents only (403), and answers 404 for another partner’s or an unknown customer', async () => {
    const { id } = await add('roles');
    await erase(id, ATTESTED, await bearer(api, 'contoso', 'sales-agent')).expect(403);
    await erase(id, ATTESTED, await bearer(api, 'fabrikam', 'admin-agent')).expect(404);
    await erase('00000000-0000-4000-8000-000000000000').expect(404);
    expect((await get(id)).body.personalDataErased).toBe(false);
  });

  it('answers 409 to a second erasure with nothing set since, and to a customer without a profile', async () => {
    const { id } = await add('twice');
    await erase(id).expect(200);
    const again = await erase(id).expect(409);
    expect(again.body).toMatchObject({ code: 'personal-data-already-erased' });
    expect(
      (await eventsOf(id)).filter((e) => e.type === 'CustomerPersonalDataErased'),
    ).toHaveLength(1);

    const invitation = await http
      .post('/v1/relationship-requests')
      .set('Authorization', admin)
      .send({ includeDelegatedAdmin: false })
      .expect(201);
    const accepted = await http
      .post(`/v1/relationship-requests/${invitation.body.id}/acceptance`)
      .send(acceptanceBody(tokenOf(invitation.body.url)))
      .expect(201);
    const none = await erase(accepted.body.customerId).expect(409);
    expect(none.body).toMatchObject({
      code: 'no-personal-data',
      type: '/problems/no-personal-data',
    });
  });

  it('answers 409 for a profile stored in clear before sealing, changing nothing', async () => {
    const id = randomUUID();
    const legacy = distinctiveProfile('legacy');
    const store = openTestStore(api.dataDir);
    try {
      const metadata = testMetadata({ partnerId: 'contoso', customerId: id });
      await store.append(
        customerStream(id),
        [
          {
            eventId: randomUUID(),
            type: 'CustomerAdded',
            data: { customerId: id, ...legacy, addedByPartnerId: 'contoso' },
            metadata,
          },
          {
            eventId: randomUUID(),
            type: 'RelationshipEstablished',
            data: {
              customerId: id,
              partnerId: 'contoso',
              relationship: 'direct-reseller',
              delegatedAdmin: false,
            },
            metadata,
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } finally {
      await store.close();
    }
    expect((await get(id)).body.billingProfile).toEqual(legacy.billingProfile);
    const refused = await erase(id).expect(409);
    expect(refused.body).toMatchObject({ code: 'personal-data-stored-in-clear' });
    expect(refused.body.detail).toContain('personal-data encrypt');
    expect(await eventsOf(id)).toHaveLength(2);
    expect((await get(id)).body.billingProfile).toEqual(legacy.billingProfile);
  });

  it('takes a new billing profile after the erasure (a new key): it reads whole, the old ones stay erased', async () => {
    const { id } = await add('renewed');
    await erase(id).expect(200);
    const etag = (await get(id)).headers.etag as string;
    const fresh = distinctiveProfile('fresh').billingProfile;
    const put = await http
      .put(`/v1/customers/${id}/billing-profile`)
      .set('Authorization', admin)
      .set('If-Match', etag)
      .send(fresh)
      .expect(200);
    expect(put.body).toMatchObject({ billingProfile: fresh, personalDataErased: false });
    const { body } = await get(id);
    expect(body).toMatchObject({ billingProfile: fresh, personalDataErased: false });
    const items = await logOf(id, put.body.position);
    expect(items[0]).toMatchObject({
      action: 'update_customer_billing_profile',
      oldValue: { email: '[erased]' },
      newValue: { email: fresh.email },
    });
    expect(JSON.stringify(items)).not.toContain('kvetoslava.renewed');
    // Erasing again erases the new profile too.
    await erase(id).expect(200);
    expect((await get(id)).body.billingProfile).toEqual(ERASED_PROFILE('fresh'));
  });

  it('destroys the keys of an erasure stored without them (a crash in between): the follower', async () => {
    const { id } = await add('crash');
    const [added] = await eventsOf(id);
    expect(added!.data).toMatchObject({
      billingProfile: { email: 'kvetoslava.crash@erasable.example' },
    });
    // The erasure as a process that died right after appending it left it: stored, keys alive.
    const store = openTestStore(api.dataDir);
    try {
      await store.append(
        customerStream(id),
        [
          {
            eventId: randomUUID(),
            type: 'CustomerPersonalDataErased',
            data: {
              customerId: id,
              partnerId: 'contoso',
              attestationReason: 'Asked',
              erasedFields: ['email'],
            },
            metadata: testMetadata({ partnerId: 'contoso', customerId: id }),
          },
        ],
        { expectedRevision: 1n },
      );
    } finally {
      await store.close();
    }
    const deadline = Date.now() + 5000;
    let profile: unknown;
    while (Date.now() < deadline) {
      profile = ((await eventsOf(id))[0]!.data as { billingProfile: unknown }).billingProfile;
      if ((profile as { personalDataErased?: boolean }).personalDataErased) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(profile).toEqual(ERASED_PROFILE('crash'));
    const health = await http.get('/health');
    expect(health.body.checks).toContainEqual(
      expect.objectContaining({ name: 'process:personal-data-erasure', status: 'up' }),
    );
  });

  it('forgets the answers kept for retries about an erased customer; a retry answers erased', async () => {
    const key = randomUUID();
    const { id } = await add('retry', key);
    const idempotency = new Database(join(api.dataDir, 'idempotency.db'), { readonly: true });
    const kept = () =>
      idempotency.prepare('SELECT COUNT(*) FROM idempotency_keys WHERE key = ?').pluck().get(key);
    try {
      expect(kept()).toBe(1);
      await erase(id).expect(200);
      // Its request fingerprint hashes the erased profile: gone once the erasure is answered.
      expect(kept()).toBe(0);
    } finally {
      idempotency.close();
    }
    const before = await eventsOf(id);
    const retry = await http
      .post('/v1/customers')
      .set('Authorization', admin)
      .set('Idempotency-Key', key)
      .send(distinctiveProfile('retry'))
      .expect(201);
    // The command runs again and answers as its first attempt did, from the events: erased.
    expect(retry.body).toMatchObject({
      id,
      billingProfile: ERASED_PROFILE('retry'),
      personalDataErased: true,
    });
    expect(await eventsOf(id)).toHaveLength(before.length);
  });
});

describe('customers: an erasure whose keys cannot be destroyed yet', () => {
  let api: TestApi;
  let http: Http;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi({ READ_MODEL_WAIT_MS: '400' });
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'));
    admin = await bearer(api, 'contoso', 'admin-agent');
  });
  afterAll(() => api.close());

  it('answers 503 personal-data-erasure-pending, and 200 to a retry once they are destroyed', async () => {
    const { id } = (
      await http
        .post('/v1/customers')
        .set('Authorization', admin)
        .send(distinctiveProfile('stuck'))
        .expect(201)
    ).body as { id: string };
    const keys = api.app.get<PersonalDataKeys>(PERSONAL_DATA_KEYS);
    const failing = jest
      .spyOn(keys, 'destroy')
      .mockRejectedValue(new Error('the key store is unreachable'));
    const key = randomUUID();
    const erase = () =>
      http
        .post(`/v1/customers/${id}/personal-data/erasure`)
        .set('Authorization', admin)
        .set('Idempotency-Key', key)
        .send(ATTESTED);
    try {
      const pending = await erase().expect(503);
      expect(pending.body).toMatchObject({ code: 'personal-data-erasure-pending' });
      expect(pending.headers['retry-after']).toBeDefined();
      expect(failing).toHaveBeenCalled();
    } finally {
      failing.mockRestore();
    }
    // The erasure process retries (from its checkpoint); the retry answers once it is done.
    const deadline = Date.now() + 10_000;
    let done = await erase();
    while (done.status === 503 && Date.now() < deadline) done = await erase();
    expect(done.status).toBe(200);
    expect(done.body.erasedFields).toContain('email');
    const customer = await http.get(`/v1/customers/${id}`).set('Authorization', admin).expect(200);
    expect(customer.body).toMatchObject({ personalDataErased: true });
  });
});
