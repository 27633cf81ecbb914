import { testEvent } from '../testing/event-factory.js';
import type { RecordedEvent } from '../event-envelope.js';
import { ChangeNotifier } from './change-notifier.js';
import { subscribeToPagedLog } from './paged-subscription.js';

const recorded = (position: bigint): RecordedEvent => ({
  ...testEvent('Matched', { position: Number(position) }),
  streamId: 'matched-1',
  revision: 0n,
  position,
});

describe('subscribeToPagedLog', () => {
  it('starts each read where the last one looked, past the events a filter skipped', async () => {
    const notifier = new ChangeNotifier(() => 0, 1_000);
    // A log of 10,000 events of which a filter keeps 2; each read looked up to the head.
    const pages = [
      { events: [recorded(4_000n)], scannedTo: 9_000n },
      { events: [], scannedTo: 9_500n },
      { events: [recorded(9_999n)], scannedTo: 10_000n },
    ];
    const reads: bigint[] = [];
    const subscription = subscribeToPagedLog({
      after: 0n,
      readPage: (after) => {
        reads.push(after);
        return pages.shift() ?? { events: [], scannedTo: after };
      },
      pageSize: 512,
      notifier,
      isClosed: () => false,
    });
    const delivered: bigint[] = [];
    const consumed = (async () => {
      for await (const event of subscription) {
        delivered.push(event.position);
        if (delivered.length === 2) return;
      }
    })();
    await new Promise((resolve) => setImmediate(resolve));
    notifier.notify();
    await new Promise((resolve) => setImmediate(resolve));
    notifier.notify();
    await consumed;
    await subscription.stop();

    expect(delivered).toEqual([4_000n, 9_999n]);
    expect(reads).toEqual([0n, 9_000n, 9_500n]);
  });

  it('lets timers and I/O run between pages while it catches up a long log', async () => {
    const notifier = new ChangeNotifier(() => 0, 1_000);
    // An endless log: every read finds a full page.
    const subscription = subscribeToPagedLog({
      after: 0n,
      readPage: (after) => ({
        events: Array.from({ length: 4 }, (_, i) => recorded(after + BigInt(i) + 1n)),
        scannedTo: after + 4n,
      }),
      pageSize: 4,
      notifier,
      isClosed: () => false,
    });
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const delivered: bigint[] = [];
    for await (const event of subscription) {
      // Without a turn of the event loop between pages, the timer would never run here.
      if (timerRan || delivered.push(event.position) === 400) break;
    }
    await subscription.stop();
    expect(timerRan).toBe(true);
    expect(delivered.length).toBeLessThan(400);
  });
});
