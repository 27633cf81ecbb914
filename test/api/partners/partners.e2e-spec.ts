import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';

describe('partners (HTTP)', () => {
  let api: TestApi;
  let http: ReturnType<typeof request>;
  let operator: string;
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    operator = await bearer(api, 'platform', 'operator');
  });
  afterAll(() => api.close());

  const register = (body: object, auth = operator) =>
    http.post('/v1/partners').set('Authorization', auth).send(body);

  it('registers a direct-bill partner and shows it to its own agents', async () => {
    const created = await register({
      id: 'contoso',
      name: 'Contoso s.r.o.',
      programs: ['direct-bill'],
      defaultLanguage: 'cs',
    }).expect(201);
    expect(created.body).toEqual({
      id: 'contoso',
      name: 'Contoso s.r.o.',
      programs: ['direct-bill'],
      defaultLanguage: 'cs',
      position: expect.stringMatching(/^\d+$/),
    });
    const me = await http
      .get('/v1/partners/me')
      .set('Authorization', await bearer(api, 'contoso', 'helpdesk-agent'))
      .expect(200);
    expect(me.body).toEqual({
      id: 'contoso',
      name: 'Contoso s.r.o.',
      programs: ['direct-bill'],
      defaultLanguage: 'cs',
    });
  });

  it('registers a dual partner that resells through a registered indirect provider', async () => {
    await register({
      id: 'fabrikam',
      name: 'Fabrikam Distribution',
      programs: ['indirect-provider'],
    }).expect(201);
    const dual = await register({
      id: 'wingtip',
      name: 'Wingtip',
      programs: ['direct-bill', 'indirect-reseller'],
      indirectProviderId: 'fabrikam',
    }).expect(201);
    expect(dual.body).toMatchObject({
      programs: ['direct-bill', 'indirect-reseller'],
      indirectProviderId: 'fabrikam',
      defaultLanguage: 'en',
    });
  });

  it('generates an id when none is given', async () => {
    const created = await register({ name: 'Adatum', programs: ['direct-bill'] }).expect(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a second registration of the same id with 409', async () => {
    await register({ id: 'twice', name: 'Twice', programs: ['direct-bill'] }).expect(201);
    const again = await register({ id: 'twice', name: 'Twice', programs: ['direct-bill'] }).expect(
      409,
    );
    expect(again.body).toMatchObject({ code: 'partner-already-registered' });
  });

  it('refuses an indirect reseller whose provider is unknown or not a provider (422)', async () => {
    const unknown = await register({
      id: 'reseller-x',
      name: 'Reseller X',
      programs: ['indirect-reseller'],
      indirectProviderId: 'nobody',
    }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'indirect-provider-unknown' });
    const notProvider = await register({
      id: 'reseller-y',
      name: 'Reseller Y',
      programs: ['indirect-reseller'],
      indirectProviderId: 'contoso',
    }).expect(422);
    expect(notProvider.body).toMatchObject({ code: 'not-an-indirect-provider' });
  });

  it('names each bad field with 400', async () => {
    const response = await register({
      id: '-bad',
      name: 'X',
      programs: ['reseller'],
      extra: 1,
    }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extra',
      'id',
      'name',
      'programs',
    ]);
  });

  it('lets only the operator register partners (403), and needs a token (401)', async () => {
    await register(
      { id: 'nope', name: 'Nope', programs: ['direct-bill'] },
      await bearer(api, 'contoso', 'admin-agent'),
    ).expect(403);
    await http
      .post('/v1/partners')
      .send({ id: 'nope', name: 'Nope', programs: ['direct-bill'] })
      .expect(401);
  });

  it('answers 404 for /me of a partner that is not registered, and 403 for the operator', async () => {
    await http
      .get('/v1/partners/me')
      .set('Authorization', await bearer(api, 'ghost', 'admin-agent'))
      .expect(404);
    await http.get('/v1/partners/me').set('Authorization', operator).expect(403);
  });
});
