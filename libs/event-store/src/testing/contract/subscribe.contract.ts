import type { RecordedEvent } from '../../event-envelope.js';
import type { AllSubscription } from '../../event-store.port.js';
import type { ContractContext } from '../event-store.contract.js';
import { testEvent, testEvents, uniqueCategory } from '../event-factory.js';

/** Takes `count` events from the subscription, calling `onEvent` (awaited) for each. */
async function take(
  subscription: AllSubscription,
  count: number,
  onEvent: (event: RecordedEvent) => Promise<void> | void = () => undefined,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  for await (const event of subscription) {
    await onEvent(event);
    taken.push(event);
    if (taken.length === count) break;
  }
  return taken;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function subscribeContract(ctx: ContractContext): void {
  it('catches up, then goes live, with no gap and no duplicate at the handover', async () => {
    const category = uniqueCategory('sub');
    const filter = { streamNamePrefixes: [category] };
    await ctx.store.append(`${category}-1`, testEvents(3), { expectedRevision: 'no_stream' });
    const subscription = ctx.store.subscribeToAll({ fromPosition: 'start', filter });
    const writer = (async () => {
      for (let n = 0; n < 20; n++) {
        await ctx.store.append(`${category}-${n % 4}`, [testEvent('Live', { n })], {
          expectedRevision: 'any',
        });
        if (n % 5 === 0) await sleep(5);
      }
    })();
    const received = await take(subscription, 23);
    await writer;
    await subscription.stop();
    const stored: RecordedEvent[] = [];
    for await (const event of ctx.store.readAll({ filter })) stored.push(event);
    expect(received.map((e) => e.eventId)).toEqual(stored.map((e) => e.eventId));
    expect(new Set(received.map((e) => e.eventId)).size).toBe(23);
  });

  it('awaits an async consumer event by event (backpressure) and keeps order', async () => {
    const category = uniqueCategory('slow');
    await ctx.store.append(`${category}-1`, testEvents(30), { expectedRevision: 'no_stream' });
    const subscription = ctx.store.subscribeToAll({ filter: { streamNamePrefixes: [category] } });
    let inFlight = 0;
    let maxInFlight = 0;
    const received = await take(subscription, 30, async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(2);
      inFlight--;
    });
    await subscription.stop();
    expect(maxInFlight).toBe(1);
    expect(received.map((e) => e.revision)).toEqual(
      Array.from({ length: 30 }, (_, n) => BigInt(n)),
    );
  });

  it('resumes after a checkpoint: only the events after that position', async () => {
    const category = uniqueCategory('resume');
    const filter = { streamNamePrefixes: [category] };
    await ctx.store.append(`${category}-1`, testEvents(5), { expectedRevision: 'no_stream' });
    const first = ctx.store.subscribeToAll({ filter });
    const firstTwo = await take(first, 2);
    await first.stop();
    const checkpoint = firstTwo[1]!.position;
    const resumed = ctx.store.subscribeToAll({ filter, fromPosition: checkpoint });
    const rest = await take(resumed, 3);
    await resumed.stop();
    expect(rest.map((e) => e.revision)).toEqual([2n, 3n, 4n]);
  });

  it('wakes a live subscriber as soon as an event is appended', async () => {
    const category = uniqueCategory('wake');
    // From the head, so it is live: from the start it would first scan whatever a shared node
    // holds, and that scan is not what this test times.
    const subscription = ctx.store.subscribeToAll({
      filter: { streamNamePrefixes: [category] },
      fromPosition: await ctx.store.headPosition(),
    });
    const next = take(subscription, 1);
    await sleep(50);
    const appendedAt = Date.now();
    await ctx.store.append(`${category}-1`, [testEvent()], { expectedRevision: 'no_stream' });
    const [event] = await next;
    const latency = Date.now() - appendedAt;
    await subscription.stop();
    expect(event?.streamId).toBe(`${category}-1`);
    expect(latency).toBeLessThan(1000);
  });

  it('ends the iteration when stopped while waiting for events', async () => {
    const subscription = ctx.store.subscribeToAll({
      filter: { streamNamePrefixes: [uniqueCategory('stop')] },
    });
    const iteration = take(subscription, 1);
    await sleep(20);
    await subscription.stop();
    await expect(iteration).resolves.toEqual([]);
  });
}
