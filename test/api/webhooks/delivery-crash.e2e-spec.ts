import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@customer-workspace/auth';
import { testStoreEnv } from '../../fixtures/api-app.js';
import { freePort, runApi, type Run, waitFor } from '../../fixtures/api-process.js';
import { newCustomerBody } from '../../fixtures/customers.js';
import {
  eventually,
  startReceiver,
  type WebhookReceiver,
} from '../../fixtures/webhook-receiver.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

/**
 * `kill -9` of the api while deliveries are pending, and while events it acknowledged may not
 * be planned yet: after a restart on the same data directory every event is delivered, each
 * with the `webhook-id` it had.
 */
describe('webhook deliveries survive kill -9', () => {
  let dir: string;
  let receiver: WebhookReceiver;
  let run: Run | undefined;
  let base = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-webhook-crash-'));
    receiver = await startReceiver(() => ({ status: 503 }));
  });
  afterAll(async () => {
    run?.child.kill('SIGKILL');
    await run?.exited;
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    const port = await freePort();
    run = runApi({
      // The store's settings first: this test signs its own tokens with SECRET.
      ...testStoreEnv(dir),
      PORT: String(port),
      DATA_DIR: dir,
      AUTH_JWT_SECRET: SECRET,
      WEBHOOKS_ALLOW_HTTP: 'true',
      WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOKS_RETRY_SCHEDULE: '0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2',
    });
    await waitFor(() => run!.output().includes('listening on'), 'the api to listen');
    base = `http://127.0.0.1:${port}`;
  }

  const token = (partnerId: string, role: 'admin-agent' | 'operator') =>
    issueToken({ partnerId, roles: [role] }, new TextEncoder().encode(SECRET));
  async function post(path: string, auth: string, body: unknown) {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  it('delivers every acknowledged event after a crash, with its original webhook-id', async () => {
    await start();
    const operator = await token('platform', 'operator');
    const admin = await token('contoso', 'admin-agent');
    const partner = { id: 'contoso', name: 'Contoso', programs: ['direct-bill'] };
    expect((await post('/v1/partners', operator, partner)).status).toBe(201);
    const created = await post('/v1/webhooks', admin, {
      url: receiver.url('/crash'),
      events: ['customer-created'],
    });
    expect(created.status).toBe(201);
    const customers: string[] = [];
    for (let n = 0; n < 5; n++) {
      const added = await post('/v1/customers', admin, newCustomerBody());
      expect(added.status).toBe(201);
      customers.push(added.body.id!);
    }
    // At least one attempt was refused (503): deliveries are pending when the process dies.
    await eventually(() => receiver.received.length > 0, 'a first attempt');
    const idsBefore = new Set(receiver.received.map((got) => got.headers['webhook-id']));
    // More events, acknowledged just before the kill: some may not be planned yet.
    for (let n = 0; n < 3; n++) {
      const added = await post('/v1/customers', admin, newCustomerBody());
      customers.push(added.body.id!);
    }
    run!.child.kill('SIGKILL');
    await run!.exited;

    receiver.answer = () => ({ status: 204 });
    await start();
    const delivered = () =>
      new Set(
        receiver.received
          .filter((got) => got.status === 204)
          .map((got) => (JSON.parse(got.body) as { resourceUri: string }).resourceUri),
      );
    await eventually(() => delivered().size === customers.length, 'every delivery', 20_000);
    expect([...delivered()].sort()).toEqual(customers.map((id) => `/v1/customers/${id}`).sort());
    // A delivery attempted before the crash kept its id after it.
    const after = receiver.received.map((got) => got.headers['webhook-id']);
    for (const id of idsBefore)
      expect(after.filter((seen) => seen === id).length).toBeGreaterThan(1);
  }, 60_000);
});
