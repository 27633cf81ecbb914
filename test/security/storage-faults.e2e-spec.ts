import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@customer-workspace/api';
import { EMBEDDED_STORE, startTestApi, type TestApi } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';
import {
  call,
  eventDatabaseOf,
  headOf,
  type InjectResponse,
  seedWorkspace,
  type Workspace,
  writerPragma,
} from './workspace.fixtures.js';

/** SQLite's default page limit: "as much as the disk holds". */
const UNLIMITED_PAGES = 1_073_741_823;

describe.each(['thread', 'inline'])('storage faults, %s writer', (writer) => {
  let api: TestApi;
  let ws: Workspace;

  beforeAll(async () => {
    api = await startTestApi({
      RATE_LIMIT_PER_MINUTE: '0',
      EVENTSTORE_SQLITE_WRITER: writer,
      ...EMBEDDED_STORE,
    });
    ws = await seedWorkspace(api);
  });
  afterAll(() => api.close());
  afterEach(async () => {
    // Whatever a failed test left behind, the next one starts on healthy storage.
    await writerPragma(api, `max_page_count = ${UNLIMITED_PAGES}`);
    await writerPragma(api, 'query_only = OFF');
  });

  const addCustomer = (headers: Record<string, string> = {}) =>
    call(api, {
      method: 'POST',
      url: '/v1/customers',
      headers: { authorization: ws.admin, ...headers },
      payload: newCustomerBody({ domain: `c${randomUUID().slice(0, 8)}.onmicrosoft.com` }),
    });
  const otherCommands = () => [
    call(api, {
      method: 'POST',
      url: '/v1/tags',
      headers: { authorization: ws.admin },
      payload: { name: `t-${randomUUID()}`.slice(0, 40) },
    }),
    call(api, {
      method: 'POST',
      url: `/v1/customers/${ws.customerId}/orders`,
      headers: { authorization: ws.admin },
      payload: { catalog: 'azure', lineItems: [{ offerId: 'AZ-PLAN', quantity: 1 }] },
    }),
  ];

  function expectUnavailable(response: InjectResponse, remedy: RegExp): void {
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBe('1');
    const problem = response.json();
    expect(problem).toMatchObject({ status: 503, code: 'event-store-storage' });
    expect(problem.detail).toMatch(remedy);
  }

  /** Every stream's revisions run 0..n-1 and each added customer has both of its events. */
  function expectNothingHalfWritten(): void {
    const db = eventDatabaseOf(api);
    const gaps = db
      .prepare(
        'SELECT stream_id FROM events GROUP BY stream_id HAVING max(revision) + 1 != count(*)',
      )
      .all();
    expect(gaps).toEqual([]);
    const count = (type: string) =>
      db.prepare('SELECT count(*) FROM events WHERE type = ?').pluck().get(type) as number;
    // AddCustomer appends CustomerAdded + RelationshipEstablished in one append.
    expect(count('CustomerAdded')).toBe(count('RelationshipEstablished'));
  }

  it('a full disk: 503 with a clear message, nothing stored, and 201 again once space returns', async () => {
    const db = eventDatabaseOf(api);
    await writerPragma(api, `max_page_count = ${db.pragma('page_count', { simple: true })}`);
    let full: InjectResponse | undefined;
    let stored = 0;
    // The file's free pages fill up first: commands succeed until the file must grow.
    while (full === undefined && stored < 200) {
      const before = await headOf(api);
      const response = await addCustomer({ 'idempotency-key': `full-${stored}` });
      if (response.statusCode === 201) stored++;
      else {
        full = response;
        expect(await headOf(api)).toBe(before);
      }
    }
    expect(full).toBeDefined();
    expectUnavailable(full as InjectResponse, /disk.*full/);

    const head = await headOf(api);
    for (const response of [await addCustomer(), ...(await Promise.all(otherCommands()))]) {
      expectUnavailable(response, /disk.*full/);
    }
    expect(await headOf(api)).toBe(head);
    expectNothingHalfWritten();
    // Reads and the health check still answer.
    const read = await call(api, {
      method: 'GET',
      url: `/v1/customers/${ws.customerId}`,
      headers: { authorization: ws.admin },
    });
    expect(read.statusCode).toBe(200);
    expect((await call(api, { method: 'GET', url: '/health' })).statusCode).toBe(200);

    await writerPragma(api, `max_page_count = ${UNLIMITED_PAGES}`);
    // The refused request's idempotency key was released: its retry is processed afresh.
    const retried = await addCustomer({ 'idempotency-key': `full-${stored}` });
    expect(retried.statusCode).toBe(201);
    expect(await headOf(api)).toBe(head + 2n);
    for (const response of await Promise.all(otherCommands()))
      expect(response.statusCode).toBe(201);
    expectNothingHalfWritten();
  });

  it('an events file that refuses writes: 503 naming it, then 201 once writable again', async () => {
    await writerPragma(api, 'query_only = ON'); // every write now fails with SQLITE_READONLY
    const head = await headOf(api);
    for (const response of [await addCustomer(), ...(await Promise.all(otherCommands()))]) {
      expectUnavailable(response, /not writable; make it writable/);
    }
    expect(await headOf(api)).toBe(head);
    await writerPragma(api, 'query_only = OFF');
    expect((await addCustomer()).statusCode).toBe(201);
    expect(await headOf(api)).toBe(head + 2n);
    expectNothingHalfWritten();
  });
});

describe('a data directory that cannot be created', () => {
  let parent: string;
  beforeAll(() => (parent = mkdtempSync(join(tmpdir(), 'cw-baddir-'))));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('stops start-up with a message naming the directory', async () => {
    // A regular file where a directory is needed: refused even to root (no chmod tricks).
    writeFileSync(join(parent, 'file'), '');
    const dataDir = join(parent, 'file', 'data');
    await expect(createApp({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })).rejects.toThrow(
      `Data directory ${dataDir} cannot be created or written`,
    );
  });
});
