import request from 'supertest';
import type { Worker } from 'node:worker_threads';
import { ReadModelsService } from '@customer-workspace/api/testing';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { testEvent } from '@customer-workspace/event-store/testing';
import { CUSTOMER_LIST, ProjectionRunner } from '@customer-workspace/read-models';
import { bearer, startTestApi, type TestApi } from '../fixtures/api-app.js';
import {
  addCustomer,
  DUAL,
  type Http,
  listCustomers,
  PROVIDER,
} from './customer-list/customer-list.fixtures.js';

const MIB = 1024 * 1024;

/** The projection thread's worker, reached through the service's internals (tests only). */
const workerOf = (api: TestApi) =>
  (api.app.get(ReadModelsService) as unknown as { thread: { worker?: Worker } }).thread.worker;

async function waitUntil(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function partnerAgent(api: TestApi, http: Http): Promise<string> {
  const operator = await bearer(api, 'platform', 'operator');
  for (const partner of [PROVIDER, DUAL])
    await http.post('/v1/partners').set('Authorization', operator).send(partner).expect(201);
  return bearer(api, 'dual', 'admin-agent');
}

const names = async (http: Http, auth: string, minPosition: string) =>
  (await listCustomers(http, auth, { minPosition }).expect(200)).body.items.map(
    (item: { companyName: string }) => item.companyName,
  );

describe('the projections in a thread of their own (READ_MODELS_THREAD)', () => {
  describe('worker (the default)', () => {
    let api: TestApi;
    let http: Http;
    let auth: string;
    beforeAll(async () => {
      api = await startTestApi();
      http = request(api.app.getHttpServer());
      auth = await partnerAgent(api, http);
    });
    afterAll(() => api.close());

    it('serves what the thread applied: a list with minPosition reads the customer just added', async () => {
      expect(api.app.get(ReadModelsService).runner(CUSTOMER_LIST)).not.toBeInstanceOf(
        ProjectionRunner,
      );
      const { position } = await addCustomer(http, auth, 'Threaded a.s.', 'threaded.example');
      expect(await names(http, auth, position)).toEqual(['Threaded a.s.']);
    });

    it('maps READ_MODEL_MMAP_MB of each read model into its query connection (1024 by default)', () => {
      const reader = api.app.get(ReadModelsService).runner(CUSTOMER_LIST).reader();
      expect(reader.pragma('mmap_size', { simple: true })).toBe(1024 * MIB);
    });

    it('reports a thread that died in /health, starts it again, and resumes from the checkpoints', async () => {
      const readModel = api.app.get(ReadModelsService).runner(CUSTOMER_LIST);
      const worker = workerOf(api);
      expect(worker).toBeDefined();
      await worker!.terminate();
      expect(readModel.status()).toMatchObject({
        state: 'failed',
        failure: { message: expect.stringContaining('projection thread exited') },
      });
      const health = await http.get('/health');
      expect(health.status).toBe(503);
      await waitUntil(() => readModel.status().state === 'running', 'the thread to be back');
      expect(workerOf(api)).not.toBe(worker);
      const { position } = await addCustomer(http, auth, 'After a.s.', 'after.example');
      // Each customer once: nothing applied twice after the restart, nothing skipped.
      expect((await names(http, auth, position)).sort()).toEqual(['After a.s.', 'Threaded a.s.']);
      await http.get('/health').expect(200);
    });
  });

  it('reports a projection stopped at an event it cannot apply, with the event, in /health', async () => {
    const api = await startTestApi();
    try {
      const http = request(api.app.getHttpServer());
      const store = api.app.get<EventStore>(EVENT_STORE);
      const bad = testEvent('CustomerAdded', { customerId: 42 });
      const { position } = await store.append('customer-unreadable', [bad], {
        expectedRevision: 'no_stream',
      });
      const readModel = api.app.get(ReadModelsService).runner(CUSTOMER_LIST);
      await waitUntil(() => readModel.status().state === 'failed', 'the projection to fail');
      const health = await http.get('/health').expect(503);
      expect(health.body.checks).toContainEqual(
        expect.objectContaining({
          name: 'projection:customer-list',
          status: 'failed',
          failure: expect.objectContaining({
            event: expect.objectContaining({ eventId: bad.eventId, position: String(position) }),
          }),
        }),
      );
    } finally {
      await api.close();
    }
  });

  it('stops with the api: pending waits are answered, the thread closes its files and ends', async () => {
    const api = await startTestApi();
    const readModel = api.app.get(ReadModelsService).runner(CUSTOMER_LIST);
    const worker = workerOf(api)!;
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const waiting = readModel.waitFor(1_000_000n, 60_000);
    await api.close();
    await expect(waiting).resolves.toBe(false);
    // Exit code 0: it ended by itself after closing, it was not terminated.
    await expect(exited).resolves.toBe(0);
    expect(readModel.status().state).toBe('stopped');
  });

  describe('main', () => {
    let api: TestApi;
    let http: Http;
    beforeAll(async () => {
      api = await startTestApi({ READ_MODELS_THREAD: 'main', READ_MODEL_MMAP_MB: '3' });
      http = request(api.app.getHttpServer());
    });
    afterAll(() => api.close());

    it('runs the projections on the request thread, serving the same answers', async () => {
      expect(api.app.get(ReadModelsService).runner(CUSTOMER_LIST)).toBeInstanceOf(ProjectionRunner);
      const auth = await partnerAgent(api, http);
      const { position } = await addCustomer(http, auth, 'Here a.s.', 'here.example');
      expect(await names(http, auth, position)).toEqual(['Here a.s.']);
    });

    it('maps READ_MODEL_MMAP_MB of the file into the query connection there too', () => {
      const reader = api.app.get(ReadModelsService).runner(CUSTOMER_LIST).reader();
      expect(reader.pragma('mmap_size', { simple: true })).toBe(3 * MIB);
    });
  });
});
