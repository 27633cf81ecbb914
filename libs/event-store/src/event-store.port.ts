import type { NewEvent, RecordedEvent } from './event-envelope.js';

/**
 * What the writer expects the stream to look like before the append:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream has no events yet;
 * - `'stream_exists'`: the stream has at least one event;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event appended (the stream's revision after the append). */
  readonly nextRevision: bigint;
  /** Global position of the last event appended. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the first event (forwards) or the last one (backwards). */
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** Server-side filter on `$all`: by stream-name prefix or by event-type prefix. */
export type AllFilter =
  | { readonly streamNamePrefixes: readonly string[] }
  | { readonly eventTypePrefixes: readonly string[] };

export interface ReadAllOptions {
  /** Inclusive: the first event returned is the first one at or after this position (forwards). */
  readonly fromPosition?: bigint | 'start';
  /** `'backwards'` reads from the last event towards the first (without `fromPosition`). */
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
  readonly filter?: AllFilter;
  /**
   * Also hand each event's data and metadata as the store holds them (`storedJson`), where it
   * keeps them as JSON text (the embedded store; EventStoreDB's client hands parsed values).
   */
  readonly storedJson?: boolean;
}

export interface SubscribeToAllOptions {
  /**
   * A checkpoint: the position of the last event the subscriber has handled. The subscription
   * delivers the events strictly after it. `'start'` delivers everything.
   */
  readonly fromPosition?: bigint | 'start';
  readonly filter?: AllFilter;
}

/**
 * A catch-up subscription: it delivers the stored events, then new ones as they are appended,
 * strictly in global order. Iterate it with `for await`; the next event is read only when the
 * consumer asks for it, so a slow consumer is never overrun.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; resolves once the subscription has released its resources. */
  stop(): Promise<void>;
}

/** The event store port. Both adapters (embedded SQLite, EventStoreDB) pass one contract suite. */
export interface EventStore {
  /** Appends atomically; throws `WrongExpectedVersion` when the stream is not as expected. */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** The events of one stream. A stream that does not exist yields nothing. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /**
   * The revision of event `eventId` in `streamId`, or undefined when the stream holds no such
   * event. Optional: an adapter with an index by event id answers without reading the stream
   * (the command runner then recognises a retry from its folded state); without it, the runner
   * reads the whole stream.
   */
  readonly revisionOf?: (streamId: string, eventId: string) => Promise<bigint | undefined>;
  /** Events of all streams, in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** The position of the last stored event matching the filter (0n when none): used for lag. */
  headPosition(filter?: AllFilter): Promise<bigint>;
  /**
   * Checks at start-up that this process may read `$all` and read and write `streamIds` (probes,
   * nothing is written); throws `EventStoreStartupError` naming what is missing.
   */
  checkAccess(streamIds: readonly string[]): Promise<void>;
  /** Throws when the store cannot be reached (used by `/health`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Nest injection token for the configured `EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
