import { BACKWARDS, END, type EventStoreDBClient, FORWARDS } from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import {
  EventStoreStartupError,
  EventStoreUnavailable,
  WrongExpectedVersion,
} from '../event-store.errors.js';
import { checkEsdbAccess, connectionUser } from './esdb-access.js';
import { FilteredHeads } from './esdb-heads.js';
import type {
  AllFilter,
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { isStreamNotFound, isTransientEsdbError, mapEsdbError } from './esdb-errors.js';
import {
  toClientExpectedRevision,
  toClientReadStreamOptions,
  toEventData,
  toReadPosition,
  toRecordedEvent,
} from './esdb-mapping.js';
import { connect, lastUserPosition, pingServer } from './esdb-connection.js';
import { drain, positionOf, readAllOf, subscriptionOpener, userEvents } from './esdb-reads.js';
import { type Backoff, ResubscribingSubscription } from './esdb-subscription.js';

/** How to reach EventStoreDB, and how subscriptions ride out its outages. */
export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` (EVENTSTORE_CONNECTION_STRING). */
  readonly connectionString: string;
  /** Pause before a dropped subscription resubscribes; 100 ms doubling to 5 s by default. */
  readonly resubscribeBackoff?: Backoff;
  /** Told of every subscription drop before it resubscribes: log it, count it. */
  readonly onSubscriptionDropped?: (reason: unknown, retryInMs: number) => void;
  /** How long `ping()` waits for the server; 5 s by default. */
  readonly pingTimeoutMs?: number;
}

/** Tries of an append that times out (see `append`). */
const APPEND_ATTEMPTS = 3;
/** How far back a timed-out append with `any` / `stream_exists` looks for its events. */
const STORED_APPEND_SEARCH = 1000;

const isDeadlineExceeded = (error: unknown): boolean =>
  error instanceof EventStoreUnavailable && error.reason === 'deadline-exceeded';

/** The EventStore port over EventStoreDB / KurrentDB, through `@eventstore/db-client`. */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<AllSubscription>();
  private readonly options: EsdbEventStoreOptions;
  private readonly heads: FilteredHeads;
  private closed = false;

  /** Connects lazily: the first call reaches the server. */
  constructor(options: EsdbEventStoreOptions | string) {
    this.options = typeof options === 'string' ? { connectionString: options } : options;
    this.client = connect(this.options.connectionString);
    this.heads = new FilteredHeads(this.client);
  }

  /**
   * Appends, and answers an append racing an identical one (same event ids, a retry racing its
   * first attempt, two api instances given one Idempotency-Key) as a retry: the server drops
   * such an append while the first is in flight and the client times out, so a timed-out
   * append looks for its events in the stream, then tries once more, before it fails.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new TypeError('append needs at least one event');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, options);
      } catch (error) {
        const mapped = mapEsdbError(error, streamId);
        if (!isDeadlineExceeded(mapped) || attempt === APPEND_ATTEMPTS) throw mapped;
        const stored = await this.storedAppend(streamId, events, options.expectedRevision);
        if (stored) return stored;
      }
    }
  }

  async *readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    const read = this.client.readStream(streamId, toClientReadStreamOptions(options));
    try {
      for await (const resolved of drain(read)) {
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw mapEsdbError(error, streamId);
    }
  }

  /** Filtered on the server: events outside the filter are neither sent nor decoded. */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    const backwards = options.direction === 'backwards';
    if (backwards && options.fromPosition !== undefined)
      throw new TypeError('a backwards read of $all starts at its end');
    const read = readAllOf(this.client, {
      fromPosition: backwards ? END : toReadPosition(options.fromPosition),
      direction: backwards ? BACKWARDS : FORWARDS,
      // With a filter the server counts matching events; without one it would count system
      // records too, which are dropped here, so the count is kept here.
      ...(options.filter && { filter: options.filter, maxCount: options.maxCount }),
    });
    let remaining = options.maxCount ?? Infinity;
    try {
      for await (const event of userEvents(drain(read), options.filter)) {
        yield event;
        if (--remaining <= 0) return;
      }
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  private async appendOnce(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const result = await this.client.appendToStream(streamId, events.map(toEventData), {
      expectedRevision: toClientExpectedRevision(options.expectedRevision),
    });
    const revision = result.nextExpectedRevision;
    // `success` is false only with `throwOnAppendFailure=false` in the connection string.
    if (!result.success) {
      const actual = revision >= 0n ? revision : 'no_stream';
      throw new WrongExpectedVersion(streamId, options.expectedRevision, actual);
    }
    // Servers leave the position out of an idempotent retry's answer: read it back.
    const position = result.position?.commit ?? (await positionOf(this.client, streamId, revision));
    return { nextRevision: revision, position };
  }

  /**
   * The result of an append of exactly `events` found stored in the stream where the expected
   * revision puts them (anywhere among its last events for `any` / `stream_exists`), if it is.
   */
  private async storedAppend(
    streamId: string,
    events: readonly NewEvent[],
    expected: AppendOptions['expectedRevision'],
  ): Promise<AppendResult | undefined> {
    const from =
      typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : undefined;
    const read =
      from === undefined
        ? this.readStream(streamId, { direction: 'backwards', maxCount: STORED_APPEND_SEARCH })
        : this.readStream(streamId, { fromRevision: from, maxCount: events.length });
    const stored: RecordedEvent[] = [];
    for await (const event of read) stored.push(event);
    if (from === undefined) stored.reverse();
    const start = stored.findIndex((event) => event.eventId === events[0]!.eventId);
    if (start < 0 || (from !== undefined && start !== 0)) return undefined;
    const mine = stored.slice(start, start + events.length);
    if (mine.length !== events.length || mine.some((e, i) => e.eventId !== events[i]!.eventId))
      return undefined;
    const last = mine.at(-1)!;
    return { nextRevision: last.revision, position: last.position };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new ResubscribingSubscription({
      from: options.fromPosition ?? 'start',
      open: subscriptionOpener(this.client, options.filter),
      isTransient: isTransientEsdbError,
      mapError: (error) => mapEsdbError(error),
      ...(this.options.resubscribeBackoff && { backoff: this.options.resubscribeBackoff }),
      ...(this.options.onSubscriptionDropped && { onDrop: this.options.onSubscriptionDropped }),
    });
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async headPosition(filter?: AllFilter): Promise<bigint> {
    this.assertOpen();
    return filter ? this.heads.of(filter) : lastUserPosition(this.client);
  }

  async checkAccess(streamIds: readonly string[]): Promise<void> {
    this.assertOpen();
    try {
      await checkEsdbAccess(this.client, connectionUser(this.options.connectionString), streamIds);
    } catch (error) {
      if (error instanceof EventStoreStartupError) throw error;
      throw mapEsdbError(error);
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await pingServer(this.client, this.options.pingTimeoutMs ?? 5_000);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailable('closed', 'The event store is closed');
  }
}
