import type {
  AllFilter,
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '@customer-workspace/event-store';

/** Counts appended events for `/metrics`; everything else passes straight through. */
export class InstrumentedEventStore implements EventStore {
  readonly revisionOf?: EventStore['revisionOf'];

  constructor(
    private readonly inner: EventStore,
    private readonly onAppended: (count: number) => void,
  ) {
    this.revisionOf = inner.revisionOf;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, options);
    this.onAppended(events.length);
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(filter?: AllFilter): Promise<bigint> {
    return this.inner.headPosition(filter);
  }

  checkAccess(streamIds: readonly string[]): Promise<void> {
    return this.inner.checkAccess(streamIds);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
