import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { createTag, headPosition, registerPartner } from './tags.fixtures.js';

describe('tag catalog: create, list, delete (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let admin: string;
  let operator: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    operator = await bearer(api, 'platform', 'operator');
    admin = await bearer(api, 'contoso', 'admin-agent');
    await registerPartner(http, operator, 'contoso').expect(201);
  });
  afterAll(() => api.close());

  const list = (auth = admin) => http.get('/v1/tags').set('Authorization', auth);
  const remove = (tagId: string, auth = admin) =>
    http.delete(`/v1/tags/${tagId}`).set('Authorization', auth);

  it('creates a tag with its name trimmed and a generated id; answers 201 with the position', async () => {
    const created = await createTag(http, admin, '  Gold  ').expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Gold',
      position: expect.stringMatching(/^\d+$/),
    });
    const { body } = await list().expect(200);
    expect(body.items).toContainEqual({ id: created.body.id, name: 'Gold' });
    expect(body).toMatchObject({ nextCursor: null, total: body.items.length });
  });

  it('lists the catalog sorted by name ignoring case and accents', async () => {
    const auth = await bearer(api, 'sorted', 'admin-agent');
    await registerPartner(http, operator, 'sorted').expect(201);
    for (const name of ['Zlatý', 'Omega Plus', 'beta', 'ómega', 'Alfa']) {
      await createTag(http, auth, name).expect(201);
    }
    const { body } = await list(auth).expect(200);
    expect(body.items.map((t: { name: string }) => t.name)).toEqual([
      'Alfa',
      'beta',
      'ómega',
      'Omega Plus',
      'Zlatý',
    ]);
    expect(body).toMatchObject({ nextCursor: null, total: 5 });
  });

  it('refuses a name already in the catalog, ignoring case, with 409', async () => {
    await createTag(http, admin, 'Platinum').expect(201);
    const before = await headPosition(http);
    const duplicate = await createTag(http, admin, ' pLATINUM ').expect(409);
    expect(duplicate.body).toMatchObject({ status: 409, code: 'tag-name-taken' });
    expect(await headPosition(http)).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key with the first tag, creating nothing more', async () => {
    const first = await createTag(http, admin, 'Retried')
      .set('Idempotency-Key', 'tag-1')
      .expect(201);
    const before = await headPosition(http);
    const retry = await createTag(http, admin, 'Retried')
      .set('Idempotency-Key', 'tag-1')
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await headPosition(http)).toBe(before);
  });

  it('accepts 50 characters, counting a decomposed accented letter once', async () => {
    const created = await createTag(http, admin, 'r\u030C'.repeat(50)).expect(201);
    expect(created.body.name).toBe('r\u030C'.repeat(50));
  });

  it.each([
    ['a blank name', { name: '   ' }, 'name'],
    ['a name of 51 characters', { name: 'x'.repeat(51) }, 'name'],
    ['a missing name', {}, 'name'],
    ['a name that is not a string', { name: 7 }, 'name'],
    ['an unknown field', { name: 'Silver', color: 'grey' }, 'color'],
  ])('refuses %s with 400 naming the field, creating nothing', async (_rule, body, field) => {
    const before = await headPosition(http);
    const response = await http.post('/v1/tags').set('Authorization', admin).send(body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await headPosition(http)).toBe(before);
  });

  it('deletes a tag (200 with the position); it leaves the list and a second delete is 404', async () => {
    const created = await createTag(http, admin, 'Temporary').expect(201);
    const deleted = await remove(created.body.id).expect(200);
    expect(deleted.body).toEqual({ position: expect.stringMatching(/^\d+$/) });
    expect(BigInt(deleted.body.position)).toBeGreaterThan(BigInt(created.body.position));
    const { body } = await list().expect(200);
    expect(body.items.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
    const again = await remove(created.body.id).expect(404);
    expect(again.body).toMatchObject({ code: 'tag-not-found' });
  });

  it('allows the name of a deleted tag again', async () => {
    const first = await createTag(http, admin, 'Reused').expect(201);
    await remove(first.body.id).expect(200);
    await createTag(http, admin, 'reused').expect(201);
  });

  it("answers 404 for an unknown tag and for another partner's tag, leaking nothing", async () => {
    await remove('00000000-0000-4000-8000-000000000000').expect(404);
    const created = await createTag(http, admin, 'Contoso only').expect(201);
    const fabrikam = await bearer(api, 'fabrikam', 'admin-agent');
    await registerPartner(http, operator, 'fabrikam').expect(201);
    const foreign = await remove(created.body.id, fabrikam).expect(404);
    expect(JSON.stringify(foreign.body)).not.toContain('Contoso only');
    const { body } = await list(fabrikam).expect(200);
    expect(body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('answers 404 when the caller’s partner is not registered', async () => {
    const ghost = await bearer(api, 'ghost', 'admin-agent');
    const created = await createTag(http, ghost, 'Gold').expect(404);
    expect(created.body).toMatchObject({ code: 'partner-not-found' });
    await list(ghost).expect(404);
  });

  it.each(['sales-agent', 'billing-admin', 'helpdesk-agent'] as const)(
    'lets only admin agents manage tags: %s gets 403 and changes nothing',
    async (role) => {
      const tag = await createTag(http, admin, `Kept for ${role}`).expect(201);
      const auth = await bearer(api, 'contoso', role);
      await createTag(http, auth, `By ${role}`).expect(403);
      await list(auth).expect(403);
      await remove(tag.body.id, auth).expect(403);
      const { body } = await list().expect(200);
      expect(body.items).toContainEqual({ id: tag.body.id, name: `Kept for ${role}` });
      expect(body.items.map((t: { name: string }) => t.name)).not.toContain(`By ${role}`);
    },
  );

  it('needs a token (401)', async () => {
    await http.post('/v1/tags').send({ name: 'Gold' }).expect(401);
    await http.get('/v1/tags').expect(401);
    await http.delete('/v1/tags/x').expect(401);
  });
});
