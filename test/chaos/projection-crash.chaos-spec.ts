import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import {
  customerListProjection,
  openReadModelForReading,
  readCheckpoint,
  ReadModelDirectory,
} from '@customer-workspace/read-models';
import { freePort, runApi } from '../fixtures/api-process.js';
import { projectionsCaughtUp, servingEqualsRebuild, startApi } from './crash.fixtures.js';

const CUSTOMERS = 30_000;
const ROUNDS = 3;

/**
 * Projection crash: with many events to catch up on, the api is killed (SIGKILL)
 * while its projections are applying batches. After the restart, no event is applied twice or
 * skipped: the customer list equals one rebuilt from scratch.
 */
describe('kill -9 the api in the middle of a projection batch', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-chaos-projection-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('neither applies an event twice nor skips one', async () => {
    const killedAt: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const head = await appendCustomers(dataDir, CUSTOMERS / ROUNDS);
      const start = checkpointOf(dataDir);
      const run = runApi({ DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'error' });
      let position = start;
      while (position <= start) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        position = checkpointOf(dataDir);
      }
      run.child.kill('SIGKILL');
      await run.exited;
      killedAt.push(`${position}/${head}`);
      expect(position).toBeLessThan(head);

      const { run: again, base: restarted } = await startApi(dataDir);
      await projectionsCaughtUp(restarted);
      again.child.kill('SIGTERM');
      await again.exited;
      const { serving, rebuilt } = await servingEqualsRebuild(dataDir);
      expect(serving).toEqual(rebuilt);
    }
    process.stderr.write(`projection crash: killed at positions ${killedAt.join(', ')}\n`);
  }, 600_000);
});

/** The customer list's checkpoint, read from its serving file (0 before there is one). */
function checkpointOf(dataDir: string): bigint {
  const file = new ReadModelDirectory(dataDir).current(customerListProjection.name);
  if (file === undefined || !existsSync(file)) return 0n;
  try {
    const db = openReadModelForReading(file);
    try {
      return readCheckpoint(db) ?? 0n;
    } finally {
      db.close();
    }
  } catch {
    return 0n; // being created
  }
}

/** Real domain events, as `POST /v1/customers` stores them, appended straight to the store. */
async function appendCustomers(dataDir: string, count: number): Promise<bigint> {
  const store = new SqliteEventStore({ dataDir });
  try {
    let head = 0n;
    const append = async (n: number): Promise<void> => {
      const customerId = randomUUID();
      const metadata = testMetadata({ partnerId: 'bulk', customerId });
      const events: NewEvent[] = [
        {
          eventId: randomUUID(),
          type: 'CustomerAdded',
          metadata,
          data: {
            customerId,
            companyProfile: { companyName: `Bulk ${n}`, domain: `bulk${n}.example` },
            billingProfile: null,
            addedByPartnerId: 'bulk',
          },
        },
        {
          eventId: randomUUID(),
          type: 'RelationshipEstablished',
          metadata,
          data: {
            customerId,
            partnerId: 'bulk',
            relationship: 'direct-reseller',
            delegatedAdmin: false,
          },
        },
      ];
      const { position } = await store.append(`customer-${customerId}`, events, {
        expectedRevision: 'no_stream',
      });
      if (position > head) head = position;
    };
    // Concurrent appends share a commit (group commit): the set-up takes seconds, not minutes.
    for (let n = 0; n < count; n += 500) {
      await Promise.all(Array.from({ length: Math.min(500, count - n) }, (_, i) => append(n + i)));
    }
    return head;
  } finally {
    await store.close();
  }
}
