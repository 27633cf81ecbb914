import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { partnerStream } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { collect } from '@customer-workspace/event-store/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { addCustomer, DUAL, type Http, PROVIDER } from './customer-list.fixtures.js';

const HEADERS = {
  en: 'Microsoft ID,Company name,Primary domain name,Relationship,Tags',
  cs: 'Microsoft ID,Název společnosti,Název primární domény,Vztah,Značky',
  de: 'Microsoft-ID,Unternehmensname,Primärer Domänenname,Beziehung,Tags',
  es: 'Id. de Microsoft,Nombre de la compañía,Nombre del dominio principal,Relación,Etiquetas',
  hu: 'Microsoft-azonosító,Cégnév,Elsődleges tartománynév,Kapcsolat,Címkék',
};

describe('GET /v1/customers/export (Customers.csv, docs/product.md rule 2)', () => {
  let api: TestApi;
  let http: Http;
  let dual: string;
  let last = '0';
  let evil = '';
  let plain = '';
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    const operator = await bearer(api, 'platform', 'operator');
    for (const partner of [PROVIDER, DUAL])
      await http.post('/v1/partners').set('Authorization', operator).send(partner).expect(201);
    dual = await bearer(api, 'dual', 'admin-agent');
    evil = (await addCustomer(http, dual, '=HYPERLINK("http://x","y")', 'evil.example')).id;
    const added = await addCustomer(http, dual, 'Šťastný a.s.', 'stastny.example');
    plain = added.id;
    const tags = [];
    for (const name of ['Zlatý', 'A-tým', '+risk'])
      tags.push((await http.post('/v1/tags').set('Authorization', dual).send({ name })).body.id);
    for (const tag of tags) {
      const assigned = await http
        .put(`/v1/customers/${plain}/tags/${tag}`)
        .set('Authorization', dual)
        .expect(200);
      last = assigned.body.position;
    }
  });
  afterAll(() => api.close());

  const exportCsv = (query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    http
      .get('/v1/customers/export')
      .query({ minPosition: last, ...query })
      .set({ Authorization: dual, ...headers })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const lines = (body: Buffer) =>
    body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .join('\n')
      .split('\n');

  it('sends Customers.csv: UTF-8 with a BOM, English headers, one row per relationship', async () => {
    const response = await exportCsv().expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="Customers.csv"');
    const body = response.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body, { bom: true }) as string[][];
    expect(rows[0]).toEqual(HEADERS.en.split(','));
    expect(rows.slice(1)).toEqual([
      [evil, `'=HYPERLINK("http://x","y")`, 'evil.example', 'Cloud reseller', ''],
      [plain, 'Šťastný a.s.', 'stastny.example', 'Cloud reseller', "'+risk;A-tým;Zlatý"],
    ]);
  });

  it.each(Object.entries(HEADERS))('writes the %s headers with ?lang=', async (lang, header) => {
    const response = await exportCsv({ lang }).expect(200);
    expect(lines(response.body)[0]).toBe(header);
    expect(response.headers['content-language']).toBe(lang);
  });

  it.each([
    ['cs-CZ,cs;q=0.9,en;q=0.8', 'cs'],
    ['de-DE', 'de'],
    ['fr-FR, hu;q=0.5', 'hu'],
    ['fr-FR', 'en'],
  ])('follows Accept-Language %j → %s', async (acceptLanguage, lang) => {
    const response = await exportCsv({}, { 'Accept-Language': acceptLanguage }).expect(200);
    expect(lines(response.body)[0]).toBe(HEADERS[lang as keyof typeof HEADERS]);
  });

  it('localises relationship labels', async () => {
    const response = await exportCsv({ lang: 'cs' }).expect(200);
    expect(lines(response.body)[1]).toContain('Cloudový prodejce');
  });

  it('ignores the list’s search, filter and sort parameters: always the full list', async () => {
    const response = await exportCsv({ q: 'nothing-matches', tag: 'x', sort: '-domain' }).expect(
      200,
    );
    expect(lines(response.body)).toHaveLength(3);
  });

  it('is recorded as export_customers (CustomersExported) with its language', async () => {
    const response = await exportCsv({ lang: 'hu' }).expect(200);
    const events = await collect(
      api.app.get<EventStore>(EVENT_STORE).readStream(partnerStream('dual')),
    );
    const exported = events.filter((event) => event.type === 'CustomersExported');
    expect(exported.at(-1)).toMatchObject({
      data: { partnerId: 'dual', lang: 'hu' },
      metadata: { actor: { role: 'admin-agent' } },
      position: BigInt(response.headers['x-export-position'] as string),
    });
  });

  it('refuses the helpdesk agent (403) and a bad lang (400), recording nothing', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const helpdesk = await bearer(api, 'dual', 'helpdesk-agent');
    await http.get('/v1/customers/export').set('Authorization', helpdesk).expect(403);
    const bad = await exportCsv({ lang: 'fr' }).expect(400);
    expect(JSON.parse(bad.body.toString()).errors[0].field).toBe('lang');
    expect(await store.headPosition()).toBe(head);
  });
});
