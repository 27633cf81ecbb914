import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-envelope.js';
import { EventStoreUnavailable } from '../event-store.errors.js';
import type { AllSubscription } from '../event-store.port.js';
import { testEvent } from '../testing/event-factory.js';
import { isTransientEsdbError, mapEsdbError } from './esdb-errors.js';
import {
  ResubscribingSubscription,
  type ResubscribeOptions,
  type SubscriptionAttempt,
} from './esdb-subscription.js';

/** How one fake attempt behaves: fails (or ends) after delivering `after` events. */
interface Plan {
  readonly failAfter?: number;
  readonly error?: unknown;
  /** Delivers the event at the checkpoint again, as a sloppy server would. */
  readonly replayCheckpoint?: boolean;
}

/** A fake server: stored events at positions 10, 20, …; one plan per subscription attempt. */
function fakeServer(count: number, plans: Plan[] = []) {
  const stored: RecordedEvent[] = Array.from({ length: count }, (_, n) => ({
    ...testEvent('Happened', { n }),
    streamId: 'thing-1',
    revision: BigInt(n),
    position: BigInt((n + 1) * 10),
  }));
  const opened: (bigint | 'start')[] = [];
  let closes = 0;
  const open = (after: bigint | 'start'): SubscriptionAttempt => {
    const plan = plans[opened.push(after) - 1] ?? {};
    let release = (): void => undefined;
    const closed = new Promise<void>((resolve) => (release = resolve));
    async function* events(): AsyncGenerator<RecordedEvent> {
      const from = stored.filter(
        (e) =>
          after === 'start' ||
          e.position > after ||
          (plan.replayCheckpoint && e.position === after),
      );
      for (const [delivered, event] of from.entries()) {
        if (delivered === plan.failAfter) break;
        yield event;
      }
      if (plan.failAfter !== undefined && plan.error !== undefined) throw plan.error;
      if (plan.failAfter !== undefined) return; // the server ended the subscription
      await closed; // live: nothing new until closed
    }
    return { events: events(), close: async () => void (closes++, release()) };
  };
  return { stored, open, opened, closes: () => closes };
}

function subscription(
  open: ResubscribeOptions['open'],
  overrides: Partial<ResubscribeOptions> = {},
) {
  const drops: [unknown, number][] = [];
  const sub = new ResubscribingSubscription({
    from: 'start',
    open,
    isTransient: isTransientEsdbError,
    mapError: (error) => mapEsdbError(error),
    backoff: { initialMs: 1, maxMs: 4 },
    onDrop: (reason, ms) => drops.push([reason, ms]),
    ...overrides,
  });
  return { sub, drops };
}

async function take(sub: AllSubscription, count: number): Promise<bigint[]> {
  const positions: bigint[] = [];
  for await (const event of sub) {
    positions.push(event.position);
    if (positions.length === count) break;
  }
  return positions;
}

const unavailable = (): UnavailableError => new UnavailableError(undefined, 'connection lost');

describe('ResubscribingSubscription', () => {
  it('resubscribes after an unavailable drop from the last delivered position, without duplicates', async () => {
    const server = fakeServer(5, [{ failAfter: 2, error: unavailable() }]);
    const { sub, drops } = subscription(server.open);
    expect(await take(sub, 5)).toEqual([10n, 20n, 30n, 40n, 50n]);
    await sub.stop();
    expect(server.opened).toEqual(['start', 20n]);
    expect(drops).toEqual([[expect.any(UnavailableError), 1]]);
  });

  it('starts from the checkpoint it is given, exclusive', async () => {
    const server = fakeServer(4);
    const { sub } = subscription(server.open, { from: 20n });
    expect(await take(sub, 2)).toEqual([30n, 40n]);
    await sub.stop();
    expect(server.opened).toEqual([20n]);
  });

  it('never delivers an event twice, even when the server replays the checkpoint', async () => {
    const server = fakeServer(4, [
      { failAfter: 2, error: unavailable() },
      { replayCheckpoint: true },
    ]);
    const { sub } = subscription(server.open);
    expect(await take(sub, 4)).toEqual([10n, 20n, 30n, 40n]);
    await sub.stop();
  });

  it('resubscribes when the server ends the subscription without being stopped', async () => {
    const server = fakeServer(3, [{ failAfter: 1 }]);
    const { sub, drops } = subscription(server.open);
    expect(await take(sub, 3)).toEqual([10n, 20n, 30n]);
    await sub.stop();
    expect(server.opened).toEqual(['start', 10n]);
    expect(drops).toEqual([[undefined, 1]]);
  });

  it('doubles the pause after each drop up to its bound, and starts over after an event', async () => {
    const drop = { failAfter: 0, error: unavailable() };
    const server = fakeServer(2, [drop, drop, drop, drop, { failAfter: 1, error: unavailable() }]);
    const { sub, drops } = subscription(server.open);
    expect(await take(sub, 2)).toEqual([10n, 20n]);
    await sub.stop();
    expect(drops.map(([, ms]) => ms)).toEqual([1, 2, 4, 4, 1]);
  });

  it('ends the iteration and closes the attempt when stopped while waiting for events', async () => {
    const server = fakeServer(1);
    const { sub } = subscription(server.open);
    const iteration = take(sub, 2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await sub.stop();
    await expect(iteration).resolves.toEqual([10n]);
    expect(server.closes()).toBeGreaterThanOrEqual(1);
  });

  it('ends at once when stopped during the pause before resubscribing', async () => {
    const server = fakeServer(1, [{ failAfter: 0, error: unavailable() }]);
    const { sub, drops } = subscription(server.open, {
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    const iteration = take(sub, 1);
    while (drops.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await sub.stop();
    await expect(iteration).resolves.toEqual([]);
    expect(server.opened).toEqual(['start']);
  });

  it('throws a failure that is not a drop to the consumer, mapped, without resubscribing', async () => {
    const denied = new AccessDeniedError(undefined, 'Access denied');
    const server = fakeServer(3, [{ failAfter: 1, error: denied }]);
    const { sub, drops } = subscription(server.open);
    const received: bigint[] = [];
    const failure = await (async () => {
      for await (const event of sub) received.push(event.position);
    })().catch((error: unknown) => error);
    expect(received).toEqual([10n]);
    expect(failure).toBeInstanceOf(EventStoreUnavailable);
    expect(failure).toMatchObject({ cause: denied });
    expect(server.opened).toEqual(['start']);
    expect(drops).toEqual([]);
  });

  it('can be iterated only once', () => {
    const { sub } = subscription(fakeServer(0).open);
    sub[Symbol.asyncIterator]();
    expect(() => sub[Symbol.asyncIterator]()).toThrow('only once');
  });
});
