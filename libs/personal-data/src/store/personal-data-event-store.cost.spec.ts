import { performance } from 'node:perf_hooks';
import { testEvent } from '@customer-workspace/event-store/testing';
import { added, profile, SealedStoreUnderTest, stream } from '../testing/personal-data.fixtures.js';

const CUSTOMERS = 400;
const OTHERS_PER_CUSTOMER = 9;

/** The fastest of `runs` timings of `work`, in ms (the others are noise of a shared machine). */
async function fastest(runs: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const drain = async (events: AsyncIterable<unknown>) => {
  let count = 0;
  const iterator = events[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) count++;
  return count;
};

/**
 * A micro-check, not a benchmark (`npm run bench` has those): what sealing adds per event on
 * the append path and on a rebuild's read of `$all`, one customer event in ten carrying a
 * profile. Bounds are loose on purpose (machines differ, tests run in parallel); the figures
 * are printed for whoever tunes it.
 */
describe('PersonalDataEventStore: cost on the append path and on a rebuild', () => {
  let t: SealedStoreUnderTest;
  beforeAll(async () => {
    t = new SealedStoreUnderTest();
    for (let n = 0; n < CUSTOMERS; n++) {
      const others = Array.from({ length: OTHERS_PER_CUSTOMER }, (_, i) =>
        testEvent('CustomerTagAssigned', { customerId: `c-${n}`, partnerId: 'p', tagId: `t-${i}` }),
      );
      const events = [added(`c-${n}`, profile(`c${n}@contoso.cz`)), ...others];
      await t.store.append(stream(`c-${n}`), events, { expectedRevision: 'no_stream' });
    }
  });
  afterAll(() => t.close());

  it('reads $all (a rebuild) at most a few times slower than the store beneath', async () => {
    expect(await drain(t.store.readAll())).toBe(CUSTOMERS * (1 + OTHERS_PER_CUSTOMER));
    const raw = await fastest(5, () => drain(t.stored.readAll()));
    const sealed = await fastest(5, () => drain(t.store.readAll()));
    const perProfile = ((sealed - raw) * 1000) / CUSTOMERS;
    process.stdout.write(
      `personal-data read: raw ${raw.toFixed(1)} ms, sealed ${sealed.toFixed(1)} ms for ` +
        `${CUSTOMERS * 10} events (${perProfile.toFixed(1)} µs per opened profile)\n`,
    );
    expect(sealed).toBeLessThan(raw * 3 + 20);
  });

  it('seals a profile on append in well under a millisecond (its key cached)', async () => {
    const events = Array.from({ length: 200 }, (_, n) => added(`c-${n}`, profile(`x${n}@c.cz`)));
    const sealing = await fastest(3, async () => {
      for (const event of events) await t.store['profiles'].sealed('customer-x', event);
    });
    const perEvent = (sealing * 1000) / events.length;
    process.stdout.write(`personal-data seal: ${perEvent.toFixed(1)} µs per profile\n`);
    expect(perEvent).toBeLessThan(500);
  });
});
