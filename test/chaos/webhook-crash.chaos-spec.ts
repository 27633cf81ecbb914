import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCustomerBody } from '../fixtures/customers.js';
import { eventually, startReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver.js';
import { startApi, tokenFor } from './crash.fixtures.js';

const ROUNDS = 6;
const WORKERS = 4;
const WEBHOOKS = {
  WEBHOOKS_ALLOW_HTTP: 'true',
  WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOKS_RETRY_SCHEDULE: Array.from({ length: 30 }, () => '0.1').join(','),
};

/**
 * Crash with webhooks: customers added by several workers, the api killed with SIGKILL at a
 * random moment, six rounds, the receiver refusing a third of the attempts (503) so that
 * deliveries are pending at every kill. Afterwards every acknowledged customer has been
 * delivered, and every repeat of a delivery carried the same `webhook-id`.
 */
describe('kill -9 the api while webhooks are delivered (6 rounds)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-chaos-webhooks-'));
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: randomInt(3) === 0 ? 503 : 204 }));
  });
  afterAll(async () => {
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every acknowledged event at least once, each always with the same id', async () => {
    const acknowledged: string[] = [];
    const admin = await tokenFor('chaos', 'admin-agent');
    for (let round = 1; round <= ROUNDS; round++) {
      const { run, base } = await startApi(dataDir, WEBHOOKS);
      if (round === 1) await setUp(base, admin, receiver.url('/chaos'));
      let stop = false;
      const workers = Array.from({ length: WORKERS }, () =>
        drive(base, admin, () => stop, acknowledged),
      );
      await new Promise((resolve) => setTimeout(resolve, randomInt(150, 1200)));
      run.child.kill('SIGKILL');
      await run.exited;
      stop = true;
      await Promise.all(workers);
    }
    receiver.answer = () => ({ status: 204 });
    const { run } = await startApi(dataDir, WEBHOOKS);
    try {
      const idsByCustomer = (): Map<string, Set<string>> => {
        const ids = new Map<string, Set<string>>();
        for (const got of receiver.received) {
          const uri = (JSON.parse(got.body) as { resourceUri: string }).resourceUri;
          ids.set(uri, (ids.get(uri) ?? new Set()).add(got.headers['webhook-id'] ?? ''));
        }
        return ids;
      };
      const delivered = () =>
        new Set(
          receiver.received
            .filter((got) => got.status === 204)
            .map((got) => (JSON.parse(got.body) as { resourceUri: string }).resourceUri),
        );
      await eventually(
        () => acknowledged.every((id) => delivered().has(`/v1/customers/${id}`)),
        'every acknowledged customer delivered',
        60_000,
      );
      for (const ids of idsByCustomer().values()) expect(ids.size).toBe(1);
      process.stderr.write(
        `webhook chaos: ${acknowledged.length} acknowledged, ${receiver.received.length} attempts\n`,
      );
      expect(acknowledged.length).toBeGreaterThan(ROUNDS);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }, 600_000);
});

async function setUp(base: string, admin: string, url: string): Promise<void> {
  const operator = await tokenFor('platform', 'operator');
  await post(base, operator, '/v1/partners', {
    id: 'chaos',
    name: 'Chaos',
    programs: ['direct-bill'],
  });
  const created = await post(base, admin, '/v1/webhooks', { url, events: ['customer-created'] });
  if (created.status !== 201) throw new Error(`webhook not created: ${created.status}`);
}

/** Adds customers until told to stop; records every one acknowledged (201). */
async function drive(
  base: string,
  admin: string,
  stopped: () => boolean,
  acknowledged: string[],
): Promise<void> {
  while (!stopped()) {
    try {
      const added = await post(base, admin, '/v1/customers', newCustomerBody());
      if (added.status === 201) acknowledged.push((added.body as { id: string }).id);
    } catch {
      return; // The api is gone.
    }
  }
}

async function post(base: string, auth: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
