import type { Upcasters } from '@customer-workspace/kernel';
import type { RecordedEvent } from '../event-envelope.js';
import type { AllSubscription } from '../event-store.port.js';
import { mappedEvents, mappedSubscription } from '../scope/mapped-events.js';

/**
 * The domain's upcasters applied to events on their way out of the store (`ScopedEventStore`
 * is the one place that calls it, on every read and subscription). An event at its current
 * version costs one map lookup and is passed on as it is; only an older one is copied.
 */
export class ReadUpcasting {
  constructor(private readonly upcasters: Upcasters | undefined) {}

  /** The event in its current shape: type, data and `metadata.schemaVersion`. */
  readonly current = (event: RecordedEvent): RecordedEvent => {
    const { upcasters } = this;
    if (!upcasters?.needsUpcast(event.type, event.metadata.schemaVersion)) return event;
    const where = ` (event ${event.eventId} of stream ${event.streamId} at position ${event.position})`;
    const stored = { type: event.type, data: event.data, schemaVersion: storedVersion(event) };
    const { type, data, schemaVersion } = upcasters.upcast(stored, where);
    return { ...event, type, data, metadata: { ...event.metadata, schemaVersion } };
  };

  /** Each event current; without upcasters, `events` itself (no extra step per event). */
  each(events: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    if (!this.upcasters) return events;
    return mappedEvents(events, this.current);
  }

  subscription(subscription: AllSubscription): AllSubscription {
    if (!this.upcasters) return subscription;
    return mappedSubscription(subscription, this.current);
  }
}

/** Events stored before metadata carried a version are version 1. */
function storedVersion(event: RecordedEvent): number {
  return (event.metadata.schemaVersion as number | undefined) ?? 1;
}
