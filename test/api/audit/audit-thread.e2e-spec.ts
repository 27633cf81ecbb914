import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AUDIT_FILE, AuditFollower, openAuditLedgerForReading } from '@customer-workspace/audit';
import { AuditThread, AuditTreeService } from '@customer-workspace/api/testing';
import { bearer, startTestApi, type TestApi } from '../../fixtures/api-app.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import { activityItems, AUDITED, type Http, registerPartners } from './audit.fixtures.js';
import { merkleRoot, storedEvents } from './rfc6962.fixtures.js';

/** The service's tree keeper, reached through its internals (tests only). */
const keeperOf = (api: TestApi) =>
  (api.app.get(AuditTreeService) as unknown as { follower: unknown }).follower;

async function waitUntil(condition: () => Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function addCustomer(http: Http, admin: string, name: string): Promise<string> {
  const response = await http
    .post('/v1/customers')
    .set('Authorization', admin)
    .send(newCustomerBody({ companyName: name }))
    .expect(201);
  return response.body.position as string;
}

const auditCheck = async (http: Http) =>
  ((await http.get('/health')).body.checks as { name: string; status: string }[]).find(
    (check) => check.name === 'process:audit-tree',
  );

describe('the audit tree in a thread of its own (READ_MODELS_THREAD=worker, the default)', () => {
  let api: TestApi;
  let http: Http;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi(AUDITED);
    http = request(api.app.getHttpServer());
    await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso');
    admin = await bearer(api, 'contoso');
  });
  afterAll(() => api.close());

  it('keeps the tree in the thread: an entry read with minPosition carries its leaf', async () => {
    expect(keeperOf(api)).toBeInstanceOf(AuditThread);
    expect((keeperOf(api) as AuditThread).worker).toBeDefined();
    const position = await addCustomer(http, admin, 'Threaded a.s.');
    const items = await activityItems(http, admin, position);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.leafIndex).toEqual(expect.any(Number));
  });

  it('reports a thread that died in /health, starts it again, and resumes from the checkpoint', async () => {
    const thread = keeperOf(api) as AuditThread;
    const before = await activityItems(http, admin, await addCustomer(http, admin, 'Before'));
    const worker = thread.worker!;
    await worker.terminate();
    expect(thread.status()).toMatchObject({
      status: 'failed',
      failure: { message: expect.stringContaining('audit thread exited') },
    });
    expect(await auditCheck(http)).toMatchObject({ status: 'failed' });
    await waitUntil(async () => thread.status().status === 'up', 'the thread to be back');
    expect(thread.worker).not.toBe(worker);
    const after = await activityItems(http, admin, await addCustomer(http, admin, 'After'));
    expect(after.length).toBeGreaterThan(before.length);
    // Every event of the log once in the tree, in order: nothing appended twice, nothing skipped.
    const events = storedEvents(api.dataDir);
    const { tree } = api.app.get(AuditTreeService).opened();
    expect(tree.size()).toBe(events.length);
    expect(Buffer.from(tree.root())).toEqual(merkleRoot(events.map((event) => event.leafHash)));
    expect(await auditCheck(http)).toMatchObject({ status: 'up' });
  });

  it('stops with the api: the thread signs the tree as it is and ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-audit-thread-'));
    try {
      // Signed at start and at stop only: the checkpoint at the end is the stop's.
      const local = await startTestApi({
        ...AUDITED,
        AUDIT_CHECKPOINT_INTERVAL_MS: '3600000',
        DATA_DIR: dir,
      });
      const localHttp = request(local.app.getHttpServer());
      await registerPartners(localHttp, await bearer(local, 'platform', 'operator'), 'contoso');
      const localAdmin = await bearer(local, 'contoso');
      await activityItems(localHttp, localAdmin, await addCustomer(localHttp, localAdmin, 'Last'));
      const worker = (keeperOf(local) as AuditThread).worker!;
      const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
      await local.close();
      await expect(exited).resolves.toBe(0);
      const ledger = openAuditLedgerForReading(join(dir, AUDIT_FILE));
      try {
        expect(ledger.checkpoints.latest()?.treeSize).toBe(storedEvents(dir).length);
      } finally {
        ledger.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the audit tree on the request thread (READ_MODELS_THREAD=main)', () => {
  it('follows the log on this thread, as the projections do', async () => {
    const api = await startTestApi({ ...AUDITED, READ_MODELS_THREAD: 'main' });
    try {
      const http = request(api.app.getHttpServer());
      await registerPartners(http, await bearer(api, 'platform', 'operator'), 'contoso');
      const admin = await bearer(api, 'contoso');
      expect(keeperOf(api)).toBeInstanceOf(AuditFollower);
      const items = await activityItems(http, admin, await addCustomer(http, admin, 'Here a.s.'));
      for (const item of items) expect(item.leafIndex).toEqual(expect.any(Number));
    } finally {
      await api.close();
    }
  });
});
