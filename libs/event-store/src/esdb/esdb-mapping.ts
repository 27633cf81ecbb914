import {
  ANY,
  type AppendExpectedRevision,
  BACKWARDS,
  END,
  type EventData,
  FORWARDS,
  type Filter,
  type JSONType,
  NO_STREAM,
  type Position,
  type ReadPosition,
  type ReadStreamOptions as ClientReadStreamOptions,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope.js';
import type { AllFilter, ExpectedRevision, ReadStreamOptions } from '../event-store.port.js';

/** The parts of a client `ResolvedEvent` the adapter reads, from stream and `$all` reads alike. */
export interface ClientResolvedEvent {
  readonly event?: {
    readonly streamId: string;
    readonly id: string;
    readonly revision: bigint;
    readonly type: string;
    readonly data: unknown;
    readonly metadata?: unknown;
    readonly position?: Position;
  };
  readonly commitPosition?: bigint;
}

/** What servers before 22.6 put in the position of an event read from a stream: none. */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/** Our event as the client's JSON event; the event id makes retried appends idempotent. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // JSON.stringify takes any JSON value; the client's type only lists the usual ones.
    data: event.data as JSONType,
    metadata: { ...event.metadata },
  });
}

/** The port's expected revision as the client's, passed on every append (the client defaults to ANY). */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/** Both sides of an event's position: events appended over gRPC have commit = prepare. */
export function toReadPosition(position: bigint | 'start' | undefined): ReadPosition {
  if (position === undefined || position === 'start' || position <= 0n) return START;
  return { commit: position, prepare: position };
}

/** Read options of one stream: inclusive `fromRevision`, defaulting to the first or last event. */
export function toClientReadStreamOptions(options: ReadStreamOptions): ClientReadStreamOptions {
  const backwards = options.direction === 'backwards';
  return {
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: options.fromRevision ?? (backwards ? END : START),
    ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
  };
}

/**
 * Records the server looks through per read of a filtered `$all` read or subscription. Its
 * default, 32, makes a scan through a node full of other applications' events a read every 32
 * records; a deployment starting on such a node scans it all once. (Also the interval of the
 * subscription's checkpoints.)
 */
export const SEARCH_WINDOW = 1024;

/** The server-side filter of a subscription; with none, system events are left out. */
export function toClientFilter(filter: AllFilter | undefined): Filter {
  if (filter === undefined) return excludeSystemEvents();
  if ('streamNamePrefixes' in filter)
    return streamNameFilter({
      prefixes: [...filter.streamNamePrefixes],
      maxSearchWindow: SEARCH_WINDOW,
    });
  return eventTypeFilter({
    prefixes: [...filter.eventTypePrefixes],
    maxSearchWindow: SEARCH_WINDOW,
  });
}

/** Events of `$all` that are ours: not system events, not links, and matching the filter. */
export function isUserEvent(resolved: ClientResolvedEvent, filter?: AllFilter): boolean {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return false;
  if (filter === undefined) return true;
  if ('streamNamePrefixes' in filter)
    return filter.streamNamePrefixes.some((p) => event.streamId.startsWith(p));
  return filter.eventTypePrefixes.some((p) => event.type.startsWith(p));
}

/** The client's event as ours; `undefined` for a link whose target is gone. */
export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  return {
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: toMetadata(event.metadata, event.id),
    streamId: event.streamId,
    revision: event.revision,
    position: commitPosition(resolved, event.id),
  };
}

function commitPosition(resolved: ClientResolvedEvent, eventId: string): bigint {
  const commit = resolved.event?.position?.commit;
  if (commit !== undefined && commit !== NO_POSITION) return commit;
  if (resolved.commitPosition !== undefined) return resolved.commitPosition;
  throw new Error(
    `EventStoreDB returned event ${eventId} without its position (server 22.6 or later is required)`,
  );
}

/** The client parses JSON metadata; anything else was not written by this codebase. */
function toMetadata(metadata: unknown, eventId: string): EventMetadata {
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    Array.isArray(metadata) ||
    metadata instanceof Uint8Array
  ) {
    throw new Error(
      `Event ${eventId} has no JSON metadata object: it was not written through this event store`,
    );
  }
  return metadata as EventMetadata;
}
