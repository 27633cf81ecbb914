import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import {
  activityLog,
  addCustomer,
  bearerAs,
  type Http,
  registerPartners,
} from './activity-logs.fixtures.js';

const MALICIOUS = '=HYPERLINK("http://evil.example","Click me")';

describe('activity log export: CSV and NDJSON, recorded (HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let jana: string;
  let customer: { id: string; position: string };
  beforeAll(async () => {
    api = await startTestApi();
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso');
    jana = await bearerAs(api, 'contoso', 'jana');
    await addCustomer(http, jana, 'Contoso a.s.');
    customer = await addCustomer(http, jana, MALICIOUS);
  });
  afterAll(() => api.close());

  const exportLog = (query: Record<string, string> = {}, accept?: string) => {
    const call = http
      .get('/v1/activity-logs/export')
      .query({ minPosition: customer.position, ...query })
      .set('Authorization', jana)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });
    return accept === undefined ? call : call.set('Accept', accept);
  };

  it('exports CSV by default: a file of the whole log up to its own record, formulas neutralised', async () => {
    const response = await exportLog().expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="ActivityLog.csv"');
    const [header, ...rows] = parse(response.body as string, { bom: true }) as string[][];
    expect(header).toEqual([
      'position',
      'occurredAt',
      'customerId',
      'customerName',
      'action',
      'resourceType',
      'performedBy.userId',
      'performedBy.upn',
      'performedBy.role',
      'oldValue',
      'newValue',
      'correlationId',
      'causationId',
      'eventId',
      'leafIndex',
      'leafHash',
    ]);
    expect(rows.map((row) => row[4])).toEqual([
      'export_activity_log',
      'add_customer',
      'add_customer',
      'register_partner',
    ]);
    expect(rows[0]![0]).toBe(response.headers['x-export-position']);
    expect(JSON.parse(rows[0]![10]!)).toEqual({ filters: {}, format: 'csv' });
    const malicious = rows[1]!;
    expect(malicious.slice(2, 4)).toEqual([customer.id, `'${MALICIOUS}`]);
    expect(JSON.parse(malicious[10]!)).toMatchObject({
      companyProfile: { companyName: MALICIOUS },
    });
    expect(malicious.slice(6, 9)).toEqual(['jana', 'jana@contoso.example', 'admin-agent']);
  });

  it('exports NDJSON chosen by Accept, filters applied, one list item per line', async () => {
    const response = await exportLog({ customerId: customer.id }, 'application/x-ndjson').expect(
      200,
    );
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="ActivityLog.ndjson"',
    );
    const lines = (response.body as string)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const listed = await activityLog(http, jana, { customerId: customer.id });
    expect(lines).toEqual(listed.items);
    expect(lines).toEqual([
      expect.objectContaining({ action: 'add_customer', customerName: MALICIOUS }),
    ]);
  });

  it('records every export as export_activity_log with its filters and format, before sending it', async () => {
    const response = await exportLog({ action: 'add_customer', format: 'ndjson' }, 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const position = response.headers['x-export-position'] as string;
    const { items } = await activityLog(http, jana, {
      action: 'export_activity_log',
      minPosition: position,
    });
    expect(items[0]).toMatchObject({
      position,
      customerId: null,
      resourceType: 'activity-log',
      performedBy: { userId: 'jana', upn: 'jana@contoso.example', role: 'admin-agent' },
    });
    // The filters as given, `minPosition` (a wait, no filter) not among them.
    expect(items[0]!.newValue).toEqual({ filters: { action: 'add_customer' }, format: 'ndjson' });
  });

  it('refuses a bad format or filter (400 naming it) and records nothing', async () => {
    const before = (await activityLog(http, jana, { action: 'export_activity_log' })).total;
    for (const [field, query] of [
      ['format', { format: 'xml' }],
      ['from', { from: 'last week' }],
      ['action', { action: 'export_everything' }],
    ] as const) {
      const response = await exportLog(query).expect(400);
      expect(JSON.parse(response.body as string).errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    }
    expect((await activityLog(http, jana, { action: 'export_activity_log' })).total).toBe(before);
  });
});
