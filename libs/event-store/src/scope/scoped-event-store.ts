import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { DuplicateEventId, StreamDeleted, WrongExpectedVersion } from '../event-store.errors.js';
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
import { ReadUpcasting } from '../upcasting/read-upcasting.js';
import type { StreamScope } from './stream-scope.js';
import type { Upcasters } from '@customer-workspace/kernel';

/**
 * The event store as one deployment sees it on a store others may share: its streams carry the
 * deployment's prefix when stored, and every read of `$all` (reads, subscriptions, the head) is
 * filtered on the server to its own categories. A foreign event — another application's, another
 * deployment's, a system event — never reaches a projection, a process or a lag figure; an event
 * of ours that cannot be read still fails the reader.
 *
 * It is also the one place where `upcasters` run: every event it reads or delivers is in its
 * current shape (type, data, `metadata.schemaVersion`), whichever adapter stored it; one this
 * build cannot read (written by a later build) fails the reader with `UnreadableEventVersion`.
 * Type filters match the current type, so a renamed event is found under its new name.
 */
export class ScopedEventStore implements EventStore {
  private readonly upcasting: ReadUpcasting;
  readonly revisionOf?: EventStore['revisionOf'];

  constructor(
    private readonly inner: EventStore,
    readonly scope: StreamScope,
    upcasters?: Upcasters,
    /** False for a view over another's adapter: closing the view leaves the adapter open. */
    private readonly ownsAdapter = true,
  ) {
    this.upcasting = new ReadUpcasting(upcasters);
    const revisionOf = inner.revisionOf;
    if (revisionOf)
      this.revisionOf = (streamId, eventId) => revisionOf(this.scope.stored(streamId), eventId);
  }

  /**
   * The same deployment's events exactly as stored: same adapter, same scope, no upcasting
   * (what the audit tree hashes, what an auditor replays). Closing it closes nothing: the
   * adapter belongs to this store.
   */
  asStored(): ScopedEventStore {
    return new ScopedEventStore(this.inner, this.scope, undefined, false);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    try {
      return await this.inner.append(this.scope.stored(streamId), events, options);
    } catch (error) {
      throw this.localError(error);
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    if (this.scope.prefix === '')
      return this.upcasting.each(this.inner.readStream(streamId, options));
    return this.prefixedStream(streamId, options);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const filter = this.scope.storedFilter(options.filter);
    if (this.direct(options.filter))
      return this.upcasting.each(this.inner.readAll({ ...options, filter }));
    return this.typedOrPrefixed(options, filter);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const filter = this.scope.storedFilter(options.filter);
    const inner = this.inner.subscribeToAll({ ...options, filter });
    if (this.direct(options.filter)) return this.upcasting.subscription(inner);
    const events = this.oursOf(inner, options.filter);
    return {
      [Symbol.asyncIterator]: () => events[Symbol.asyncIterator](),
      stop: () => inner.stop(),
    };
  }

  /** The last of our events the filter asks for. */
  async headPosition(filter?: AllFilter): Promise<bigint> {
    if (this.scope.isExact(filter)) return this.inner.headPosition(this.scope.storedFilter(filter));
    // Outside our categories: nothing of ours.
    if (!filter || !('eventTypePrefixes' in filter)) return 0n;
    // Types are told apart here (see `readAll`), so this one reads backwards.
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1, filter }))
      return event.position;
    return 0n;
  }

  /** Probes one stream of each category (`<prefix><category>$access-check`, never written). */
  checkAccess(streamIds: readonly string[] = []): Promise<void> {
    const probes = this.scope.categories.map((category) => `${category}$access-check`);
    return this.inner.checkAccess([...streamIds, ...probes].map((id) => this.scope.stored(id)));
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.ownsAdapter ? this.inner.close() : Promise.resolve();
  }

  /**
   * Whether the adapter's answer is ours as it is: its stream filter is exact (the contract
   * suite holds both adapters to it), so only a type filter or a prefix to take off needs a
   * pass over each event here, an async step less on the hot path of every projection.
   */
  private direct(filter: AllFilter | undefined): boolean {
    return this.scope.prefix === '' && this.scope.isExact(filter);
  }

  private async *prefixedStream(
    streamId: string,
    options: ReadStreamOptions | undefined,
  ): AsyncGenerator<RecordedEvent> {
    try {
      for await (const event of this.inner.readStream(this.scope.stored(streamId), options))
        yield this.upcasting.current(this.local(event));
    } catch (error) {
      throw this.localError(error);
    }
  }

  private async *typedOrPrefixed(
    options: ReadAllOptions,
    filter: AllFilter,
  ): AsyncGenerator<RecordedEvent> {
    // A type filter is applied here, so a count must be too.
    const typed = options.filter !== undefined && 'eventTypePrefixes' in options.filter;
    const { maxCount, ...rest } = options;
    let remaining = maxCount ?? Infinity;
    if (remaining <= 0) return;
    const read = this.inner.readAll({
      ...rest,
      filter,
      ...(maxCount !== undefined && !typed && { maxCount }),
    });
    for await (const stored of read) {
      const event = this.ours(stored, options.filter);
      if (!event) continue;
      yield event;
      if (--remaining <= 0) return;
    }
  }

  private async *oursOf(
    events: AsyncIterable<RecordedEvent>,
    filter: AllFilter | undefined,
  ): AsyncGenerator<RecordedEvent> {
    for await (const stored of events) {
      const event = this.ours(stored, filter);
      if (event) yield event;
    }
  }

  /**
   * A stored event as the reader gets it: ours, named as we know it, current, and matching the
   * reader's filter; undefined otherwise. A foreign event is dropped before it is upcast: it may
   * hold anything.
   */
  private ours(stored: RecordedEvent, filter: AllFilter | undefined): RecordedEvent | undefined {
    if (!this.scope.owns(stored.streamId)) return undefined;
    const event = this.upcasting.current(this.local(stored));
    return this.scope.matches(filter, event.streamId, event.type) ? event : undefined;
  }

  private local(event: RecordedEvent): RecordedEvent {
    if (this.scope.prefix === '') return event;
    return { ...event, streamId: this.scope.local(event.streamId) };
  }

  /** Errors name streams as the callers know them. */
  private localError(error: unknown): unknown {
    if (this.scope.prefix === '') return error;
    const local = (id: string): string => this.scope.local(id);
    if (error instanceof WrongExpectedVersion)
      return new WrongExpectedVersion(local(error.streamId), error.expected, error.actual);
    if (error instanceof StreamDeleted) return new StreamDeleted(local(error.streamId));
    if (error instanceof DuplicateEventId)
      return new DuplicateEventId(local(error.streamId), error.eventId);
    return error;
  }
}
