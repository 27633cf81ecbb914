import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@customer-workspace/event-store/testing';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { PROJECTIONS } from '@customer-workspace/read-models';
import { newCustomerBody } from '../fixtures/customers.js';
import { projectionsCaughtUp, servingEqualsRebuild, startApi, tokenFor } from './crash.fixtures.js';

const ROUNDS = 10;
const WORKERS = 8;

interface Acknowledged {
  readonly customerId: string;
  readonly tagged?: string;
}

/**
 * Crash: the api as a child process, commands driven at it by several workers, killed
 * with SIGKILL at a random moment, ten rounds. After every restart: every command that got a
 * 2xx has its events, no customer stream is half-written (CustomerAdded always with its
 * RelationshipEstablished), and every read model equals a from-scratch rebuild.
 */
describe('kill -9 the api while commands run (10 rounds)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-chaos-crash-'));
  const acknowledged: Acknowledged[] = [];
  let tags: string[] = [];
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged command, half-writes nothing, and projects exactly once', async () => {
    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { run, base } = await startApi(dataDir);
      await projectionsCaughtUp(base);
      const admin = await tokenFor('chaos', 'admin-agent');
      if (round === 1) tags = await setUp(base, admin);
      let stop = false;
      const before = acknowledged.length;
      const workers = Array.from({ length: WORKERS }, () =>
        drive(base, admin, tags, () => stop, acknowledged),
      );
      await new Promise((resolve) => setTimeout(resolve, randomInt(150, 1200)));
      run.child.kill('SIGKILL');
      await run.exited;
      stop = true;
      await Promise.all(workers);
      figures.push(`round ${round}: ${acknowledged.length - before} acknowledged`);

      await checkEveryAcknowledgedCommand(dataDir, acknowledged);
      const { run: again, base: restarted } = await startApi(dataDir);
      await projectionsCaughtUp(restarted);
      for (const projection of PROJECTIONS) {
        const { serving, rebuilt } = await servingEqualsRebuild(dataDir, projection);
        expect(serving).toEqual(rebuilt);
      }
      again.child.kill('SIGTERM');
      await again.exited;
    }
    process.stderr.write(`crash chaos: ${figures.join('; ')}\n`);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
  }, 600_000);
});

async function setUp(base: string, admin: string): Promise<string[]> {
  const operator = await tokenFor('platform', 'operator');
  await post(base, operator, '/v1/partners', {
    id: 'chaos',
    name: 'Chaos s.r.o.',
    programs: ['direct-bill'],
  });
  const tags: string[] = [];
  for (const name of ['Gold', 'Silver', 'Bronze']) {
    tags.push(((await post(base, admin, '/v1/tags', { name })).body as { id: string }).id);
  }
  return tags;
}

/** Adds customers and tags some of them until told to stop; records every 2xx. */
async function drive(
  base: string,
  admin: string,
  tags: readonly string[],
  stopped: () => boolean,
  acknowledged: Acknowledged[],
): Promise<void> {
  while (!stopped()) {
    try {
      const n = randomInt(1e9);
      const added = await post(
        base,
        admin,
        '/v1/customers',
        newCustomerBody({ companyName: `Chaos ${n}`, domain: `chaos${n}.example` }),
      );
      if (added.status !== 201) continue;
      const customerId = (added.body as { id: string }).id;
      acknowledged.push({ customerId });
      const tag = tags[n % tags.length]!;
      const tagged = await fetch(`${base}/v1/customers/${customerId}/tags/${tag}`, {
        method: 'PUT',
        headers: { Authorization: admin },
      });
      if (tagged.ok) acknowledged.push({ customerId, tagged: tag });
    } catch {
      return; // the api was killed
    }
  }
}

async function post(base: string, auth: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function checkEveryAcknowledgedCommand(
  dataDir: string,
  acknowledged: readonly Acknowledged[],
): Promise<void> {
  const store = new SqliteEventStore({ dataDir });
  try {
    const streams = new Map<string, string[]>();
    for (const event of await collect(store.readAll())) {
      if (!event.streamId.startsWith('customer-')) continue;
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event.type]);
    }
    for (const types of streams.values()) {
      expect(types.slice(0, 2)).toEqual(['CustomerAdded', 'RelationshipEstablished']);
    }
    for (const { customerId, tagged } of acknowledged) {
      const types = streams.get(`customer-${customerId}`) ?? [];
      expect(types).toContain(tagged ? 'CustomerTagAssigned' : 'RelationshipEstablished');
    }
  } finally {
    await store.close();
  }
}
