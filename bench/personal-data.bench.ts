import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EventStore,
  type NewEvent,
  ScopedEventStore,
  SqliteEventStore,
  StreamScope,
} from '@customer-workspace/event-store';
import { PersonalDataEventStore, SqlitePersonalDataKeys } from '@customer-workspace/personal-data';
import type { BenchResult } from './bench-result.js';
import { median, round } from './latency.js';

const OTHERS_PER_CUSTOMER = 9;

const metadata = (customerId: string) => ({
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: { userId: 'u-1', upn: 'admin@contoso.example', role: 'admin-agent' },
  partnerId: 'contoso',
  customerId,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
});

/** A customer added with a whole billing profile, then nine events without one (tags). */
function customerEvents(n: number): NewEvent[] {
  const customerId = `c-${n}`;
  const added: NewEvent = {
    eventId: randomUUID(),
    type: 'CustomerAdded',
    data: {
      customerId,
      companyProfile: { companyName: `Contoso ${n} a.s.`, domain: `contoso${n}.onmicrosoft.com` },
      billingProfile: {
        companyName: `Contoso ${n} a.s.`,
        email: `zdenka.${n}@contoso.example`,
        culture: 'cs-CZ',
        language: 'cs',
        firstName: 'Zdeňka',
        lastName: 'Šťastná',
        phoneNumber: '+420 777 123 456',
        defaultAddress: {
          addressLine1: `Květinová ${n}`,
          city: 'Olomouc',
          postalCode: '779 00',
          country: 'CZ',
        },
      },
      addedByPartnerId: 'contoso',
    },
    metadata: metadata(customerId),
  };
  const others = Array.from({ length: OTHERS_PER_CUSTOMER }, (_, i) => ({
    eventId: randomUUID(),
    type: 'CustomerTagAssigned',
    data: { customerId, partnerId: 'contoso', tagId: `t-${i}` },
    metadata: metadata(customerId),
  }));
  return [added, ...others];
}

async function drain(events: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  const iterator = events[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) count++;
  return count;
}

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

/**
 * `personal-data.read`: a rebuild's read of `$all` through the sealing layer (every billing
 * profile opened with its customer's key) against the same read of the store beneath, in the
 * same run; one event in ten carries a profile. Detail: what sealing costs per profile on append.
 */
export async function personalDataBenchmark(quick: boolean): Promise<BenchResult> {
  const customers = quick ? 2_000 : 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-pd-'));
  const stored: EventStore = new ScopedEventStore(
    new SqliteEventStore({ dataDir: dir, synchronous: 'NORMAL' }),
    new StreamScope({ categories: ['customer-'] }),
  );
  const keys = new SqlitePersonalDataKeys(dir);
  const sealed = new PersonalDataEventStore(stored, keys);
  try {
    const appendPlain = await seconds(async () => {
      for (let n = 0; n < customers; n++)
        await stored.append(`customer-plain-${n}`, customerEvents(n), {
          expectedRevision: 'no_stream',
        });
    });
    const appendSealed = await seconds(async () => {
      for (let n = 0; n < customers; n++)
        await sealed.append(`customer-${n}`, customerEvents(n), { expectedRevision: 'no_stream' });
    });
    const raw: number[] = [];
    const opened: number[] = [];
    const total = customers * (1 + OTHERS_PER_CUSTOMER) * 2;
    for (let round = 0; round < 5; round++) {
      raw.push(total / (await seconds(() => drain(stored.readAll()))));
      opened.push(total / (await seconds(() => drain(sealed.readAll()))));
    }
    const value = median(opened);
    const baseline = median(raw);
    return {
      name: 'personal-data.read',
      value: Math.round(value),
      unit: 'events/s',
      limit: Math.round(baseline),
      ratio: round(value / baseline),
      goal: 'a rebuild read through the sealing layer close to the store beneath (1 event in 10 with a profile)',
      detail: {
        events: total,
        profilesOpenedPerRead: customers,
        roundsOpenedPerSecond: opened.map(Math.round),
        roundsRawPerSecond: raw.map(Math.round),
        appendMicrosPerCustomerPlain: round((appendPlain * 1e6) / customers),
        appendMicrosPerCustomerSealed: round((appendSealed * 1e6) / customers),
      },
    };
  } finally {
    await sealed.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
