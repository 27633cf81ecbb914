import {
  type AllStreamSubscription,
  BACKWARDS,
  type EventStoreDBClient,
  type StreamingRead,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../event-envelope.js';
import type { AllFilter } from '../event-store.port.js';
import {
  type ClientResolvedEvent,
  isUserEvent,
  toClientFilter,
  toReadPosition,
  toRecordedEvent,
} from './esdb-mapping.js';
import type { SubscriptionAttempt } from './esdb-subscription.js';
import { type FilteredReadAllOptions, readAllFiltered } from './esdb-filtered-read.js';

const ignore = (): void => undefined;

/**
 * Iterates a client read. When the consumer stops early the gRPC call is cancelled and what it
 * still sends is let through to its end: a call left paused, or a read destroyed while the call
 * still pipes into it, never finishes, and the client's `dispose()` waits for every call.
 */
export async function* drain<T>(read: StreamingRead<T>): AsyncGenerator<T> {
  let complete = false;
  try {
    yield* read.iterator({ destroyOnReturn: false });
    complete = true;
  } finally {
    if (!complete) await abandon(read);
  }
}

/** Ends a read now: its gRPC call is cancelled, and the rest of it flows to nowhere. */
export async function abandon(read: StreamingRead<unknown>): Promise<void> {
  read.on('error', ignore); // a failure after the end has no one to tell
  read.resume();
  await read.cancel().catch(ignore);
}

/** A read of `$all`, filtered on the server when a filter is given. */
export function readAllOf(
  client: EventStoreDBClient,
  options: Omit<FilteredReadAllOptions, 'filter'> & { readonly filter?: AllFilter },
): StreamingRead<ClientResolvedEvent> {
  const { filter, ...rest } = options;
  if (filter) return readAllFiltered(client, { ...rest, filter });
  return client.readAll(rest);
}

/** Reads back where an event is stored: servers leave it out of an idempotent append's answer. */
export async function positionOf(
  client: EventStoreDBClient,
  streamId: string,
  revision: bigint,
): Promise<bigint> {
  const read = client.readStream(streamId, {
    fromRevision: revision,
    direction: BACKWARDS,
    maxCount: 1,
  });
  for await (const resolved of drain(read)) {
    const event = toRecordedEvent(resolved);
    if (event) return event.position;
  }
  throw new Error(
    `EventStoreDB acknowledged revision ${revision} of ${streamId}; it cannot be read back`,
  );
}

/** The user events of a `$all` read or subscription, as ours, matching the filter. */
export async function* userEvents(
  source: AsyncIterable<ClientResolvedEvent>,
  filter?: AllFilter,
): AsyncGenerator<RecordedEvent> {
  for await (const resolved of source) {
    if (!isUserEvent(resolved, filter)) continue;
    const event = toRecordedEvent(resolved);
    if (event) yield event;
  }
}

/**
 * Opens catch-up subscriptions to `$all` with a server-side filter. The client's subscription is
 * iterated (never listened to with `on('data')`), so it is read only as fast as it is consumed.
 */
export function subscriptionOpener(
  client: EventStoreDBClient,
  filter: AllFilter | undefined,
): (after: bigint | 'start') => SubscriptionAttempt {
  return (after) => {
    // The server delivers the events strictly after a given position: a checkpoint, as in the port.
    const subscription = client.subscribeToAll({
      fromPosition: toReadPosition(after),
      filter: toClientFilter(filter),
    });
    let closing: Promise<void> | undefined;
    return {
      events: userEvents(subscription, filter),
      close: () => (closing ??= closeSubscription(subscription)),
    };
  };
}

async function closeSubscription(subscription: AllStreamSubscription): Promise<void> {
  subscription.on('error', ignore);
  // Destroying ends a pending read at once; unsubscribing cancels the call on the server.
  subscription.destroy();
  await subscription.unsubscribe().catch(ignore);
}
