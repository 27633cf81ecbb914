import type { RecordedEvent } from '../event-envelope.js';
import type { AllSubscription } from '../event-store.port.js';

/** The event as a reader is to get it, now or once the promise settles. */
export type EventMapping = (event: RecordedEvent) => RecordedEvent | Promise<RecordedEvent>;

/**
 * `events` with each event mapped, as a mapping iterator rather than an async generator: one
 * promise step per event instead of several (a synchronous mapping adds no await). A mapping
 * that throws ends the read and releases what the source holds.
 */
export function mappedEvents(
  events: AsyncIterable<RecordedEvent>,
  map: EventMapping,
): AsyncIterable<RecordedEvent> {
  return { [Symbol.asyncIterator]: () => mappedIterator(events[Symbol.asyncIterator](), map) };
}

/** A subscription with each event mapped; stopping it stops the one beneath. */
export function mappedSubscription(
  subscription: AllSubscription,
  map: EventMapping,
): AllSubscription {
  const events = mappedEvents(subscription, map);
  return {
    [Symbol.asyncIterator]: () => events[Symbol.asyncIterator](),
    stop: () => subscription.stop(),
  };
}

function mappedIterator(
  inner: AsyncIterator<RecordedEvent>,
  map: EventMapping,
): AsyncIterator<RecordedEvent> {
  const done = (value?: unknown): Promise<IteratorResult<RecordedEvent>> =>
    inner.return ? inner.return(value) : Promise.resolve({ done: true, value: undefined });
  return {
    next: async () => {
      const result = await inner.next();
      if (result.done) return result;
      try {
        const mapped = map(result.value);
        return { done: false, value: mapped instanceof Promise ? await mapped : mapped };
      } catch (error) {
        await done();
        throw error;
      }
    },
    return: done,
  };
}
