import type { RecordedEvent } from '../event-envelope.js';
import type { AllSubscription } from '../event-store.port.js';
import type { ChangeNotifier } from './change-notifier.js';

export interface PagedLogSource {
  /** The checkpoint: deliver events strictly after this position. */
  readonly after: bigint;
  /** The next events after a position, and how far the read looked (at least the last one). */
  readonly readPage: (
    after: bigint,
    limit: number,
  ) => { readonly events: RecordedEvent[]; readonly scannedTo: bigint };
  readonly pageSize: number;
  readonly notifier: ChangeNotifier;
  readonly isClosed: () => boolean;
}

/**
 * A catch-up subscription over a log read in pages. It reads the stored events page by page,
 * then sleeps until the notifier reports a change. The notifier's version is taken *before*
 * each read, so an append that lands between the read and the sleep still wakes it: the
 * handover from catch-up to live has no gap. Events are handed out one `next()` at a time,
 * so the consumer's pace sets the reading pace.
 */
export function subscribeToPagedLog(source: PagedLogSource): AllSubscription {
  let stopped = false;
  let cancelWait: (() => void) | undefined;
  const unwatch = source.notifier.watch();

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after = source.after;
    try {
      while (!stopped && !source.isClosed()) {
        const seen = source.notifier.current;
        const page = source.readPage(after, source.pageSize);
        for (const event of page.events) {
          if (stopped) return;
          after = event.position;
          yield event;
        }
        // Past what a filter skipped too: the next read starts there.
        after = page.scannedTo;
        if (page.events.length === source.pageSize) {
          // Catching up, every read finds a page ready and the consumer never waits: yield a
          // turn of the event loop per page, or a long backlog starves timers and I/O (an api
          // whose audit tree catches up 1M events would not even listen until it is done).
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        const wait = source.notifier.waitForChange(seen);
        cancelWait = wait.cancel;
        await wait.promise;
        cancelWait = undefined;
      }
    } finally {
      unwatch();
    }
  }

  const iterator = events();
  let iterated = false;
  return {
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error('A subscription can be iterated only once');
      iterated = true;
      return iterator;
    },
    async stop() {
      stopped = true;
      cancelWait?.();
      unwatch();
      await iterator.return(undefined);
    },
  };
}
