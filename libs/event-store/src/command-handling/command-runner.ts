import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import type { EventStore, ExpectedRevision } from '../event-store.port.js';
import type { Decider, DomainEvent } from '@customer-workspace/kernel';
import { type FoldedStream, StreamStateCache } from './stream-state-cache.js';

/**
 * Who issues a command, when and why: becomes the metadata of every event it produces
 * (`occurredAt` is the command's time).
 */
export type CommandContext = Omit<EventMetadata, 'schemaVersion'>;

/** The id of each event a command appends, by its index among them. */
export type EventIdSource = (index: number) => string;

/** One command for one stream: what the runner loads, decides and appends. */
export interface CommandRequest<TCommand, TEvent extends DomainEvent, TState> {
  readonly decider: Decider<TCommand, TEvent, TState>;
  readonly streamId: string;
  readonly command: TCommand;
  readonly context: CommandContext;
  /**
   * Deterministic event ids (from an `Idempotency-Key`, or derived from a deciding event): a
   * retry of a command whose events are stored already is recognised and answered as the first.
   */
  readonly eventId?: EventIdSource;
  /**
   * Extra attempts after a `WrongExpectedVersion` (default 5). Every attempt reads the stream
   * again and decides again, and the ids are chosen before the first: an attempt after a lost
   * race is the same command sent a moment later. Set 0 where that is not wanted.
   */
  readonly retriesOnConflict?: number;
}

/** Events stored by an earlier attempt of the same command (same event ids). */
export interface ReplayedCommand<TEvent extends DomainEvent> {
  readonly events: readonly TEvent[];
  /** The metadata they were stored with (the first attempt's actor, time, correlation). */
  readonly metadata: EventMetadata;
}

export interface CommandResult<TState, TEvent extends DomainEvent> {
  readonly state: TState;
  /** The events this run appended: none when nothing changed or when it was a replay. */
  readonly events: readonly TEvent[];
  /** The stream's revision after the command (`-1n` when it has no events). */
  readonly revision: bigint;
  /** Global position of the last event appended, or of the stream's last event when none was. */
  readonly position: bigint;
  /** Present when the command's events were stored already: the first attempt's events. */
  readonly replayed?: ReplayedCommand<TEvent>;
}

/** What an HTTP command answers: its view and the global position of its last event. */
export type CommandAnswer<TView> = TView & { readonly position: string };

export type CommandOutcome = 'accepted' | 'rejected' | 'conflict' | 'failed';

export interface CommandRunnerOptions {
  /**
   * The schema version a new event of each type is written at (its metadata's
   * `schemaVersion`): the domain declares them next to its event types. Default 1 for all.
   */
  readonly schemaVersionOf?: (eventType: string) => number;
  /**
   * How many streams keep their folded state between commands (least recently used evicted;
   * 0 turns the cache off). Default 5,000.
   */
  readonly cachedStreams?: number;
}

const DEFAULT_CACHED_STREAMS = 5_000;
const DEFAULT_RETRIES_ON_CONFLICT = 5;

type Evolving<TEvent extends DomainEvent, TState> = Pick<
  Decider<unknown, TEvent, TState>,
  'evolve' | 'initialState'
>;

/**
 * The one generic command runner: load the stream, fold `evolve`, `decide`, append with the
 * expected revision. What every use case needs around that is here too, once: commands on one
 * stream run one at a time in this process; an append that loses a race with another writer
 * is decided again on the fresh stream (see `CommandRequest.retriesOnConflict`); a command
 * whose events are stored already (same ids) is answered from them, as its first attempt was;
 * and `answer` puts the global position into the view an HTTP command returns.
 *
 * Each stream's folded state is kept (bounded, see `CommandRunnerOptions`), so a command
 * reads and folds only the events appended since, by this process or any other: the cost of
 * a command does not grow with its stream.
 */
export class CommandRunner {
  private readonly cache: StreamStateCache;
  private readonly schemaVersionOf: (eventType: string) => number;
  /** Per stream, the end of its queue of commands in this process. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly onOutcome: (commandType: string, outcome: CommandOutcome) => void = () =>
      undefined,
    options: CommandRunnerOptions = {},
  ) {
    this.cache = new StreamStateCache(options.cachedStreams ?? DEFAULT_CACHED_STREAMS);
    this.schemaVersionOf = options.schemaVersionOf ?? (() => 1);
  }

  /** Runs the command; answers its result with the position as a bigint. */
  run<TCommand extends { readonly type: string }, TEvent extends DomainEvent, TState>(
    request: CommandRequest<TCommand, TEvent, TState>,
  ): Promise<CommandResult<TState, TEvent>> {
    return this.oneAtATime(request.streamId, () => this.withRetries(request));
  }

  /** Runs the command and answers `view` of its result with the position (a decimal string). */
  async answer<
    TCommand extends { readonly type: string },
    TEvent extends DomainEvent,
    TState,
    TView,
  >(
    request: CommandRequest<TCommand, TEvent, TState>,
    view: (result: CommandResult<TState, TEvent>) => TView,
  ): Promise<CommandAnswer<TView>> {
    const result = await this.run(request);
    return { ...view(result), position: result.position.toString() };
  }

  private async withRetries<
    TCommand extends { readonly type: string },
    TEvent extends DomainEvent,
    TState,
  >(request: CommandRequest<TCommand, TEvent, TState>): Promise<CommandResult<TState, TEvent>> {
    const attempts = 1 + (request.retriesOnConflict ?? DEFAULT_RETRIES_ON_CONFLICT);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.attempt(request);
        this.onOutcome(request.command.type, 'accepted');
        return result;
      } catch (error) {
        const conflict = error instanceof WrongExpectedVersion;
        if (conflict && attempt < attempts) {
          await backoff(attempt);
          continue;
        }
        this.onOutcome(request.command.type, outcomeOf(error));
        throw error;
      }
    }
  }

  /**
   * Runs the commands of one stream one after the other in this process: the second decides
   * on the first's events instead of losing the race with a conflict. Writers elsewhere (the
   * CLI, another process) are still caught by the expected revision.
   */
  private async oneAtATime<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(streamId);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => done) : done;
    this.queues.set(streamId, tail);
    try {
      if (previous) await previous;
      return await work();
    } finally {
      release();
      if (this.queues.get(streamId) === tail) this.queues.delete(streamId);
    }
  }

  /** Folds a stream into its state: what `decide` would see now (also for reads of one aggregate). */
  async load<TEvent extends DomainEvent, TState>(
    decider: Evolving<TEvent, TState>,
    streamId: string,
  ): Promise<LoadedStream<TState>> {
    const { state, revision, position } = await this.fold(decider, streamId);
    return { state, revision, position };
  }

  private async fold<TEvent extends DomainEvent, TState>(
    decider: Evolving<TEvent, TState>,
    streamId: string,
    eventId?: EventIdSource,
  ): Promise<LoadedStream<TState> & { replayed?: ReplayedCommand<TEvent> }> {
    // Recognising a retry's stored events (`eventId`) needs the revision of the first of them:
    // the store's index tells it (`revisionOf`), or every event is read and none is cached.
    const lookUp = eventId && this.store.revisionOf;
    const scanning = eventId !== undefined && !lookUp;
    const cached = scanning ? undefined : this.cache.get<TState>(streamId, decider.evolve);
    let { state, revision, position } = cached ?? {
      state: decider.initialState(),
      revision: -1n,
      position: 0n,
    };
    let replayed: Replayed<TEvent> | undefined;
    const tail = cached ? { fromRevision: cached.revision + 1n } : undefined;
    for await (const event of this.store.readStream(streamId, tail)) {
      state = decider.evolve(state, event as unknown as TEvent);
      revision = event.revision;
      position = event.position;
      if (scanning) replayed = replayedWith(replayed, event, eventId);
    }
    this.cache.set(streamId, decider.evolve, { state, revision, position });
    if (lookUp) {
      const first = await lookUp(streamId, eventId(0));
      if (first !== undefined) replayed = await this.replayFrom<TEvent>(streamId, first, eventId);
    }
    if (!replayed) return { state, revision, position };
    // The answer of the first attempt: the position of its last event, not the stream's.
    const { events, metadata } = replayed;
    return { state, revision, position: replayed.position, replayed: { events, metadata } };
  }

  /** The events of an earlier attempt, stored from revision `first` on with ids `eventId(0..)`. */
  private async replayFrom<TEvent extends DomainEvent>(
    streamId: string,
    first: bigint,
    eventId: EventIdSource,
  ): Promise<Replayed<TEvent> | undefined> {
    let replayed: Replayed<TEvent> | undefined;
    for await (const event of this.store.readStream(streamId, { fromRevision: first })) {
      const next = replayedWith(replayed, event, eventId);
      if (next === replayed) break;
      replayed = next;
    }
    return replayed;
  }

  private async attempt<TCommand, TEvent extends DomainEvent, TState>(
    request: CommandRequest<TCommand, TEvent, TState>,
  ): Promise<CommandResult<TState, TEvent>> {
    const { decider, streamId, command, context } = request;
    const loaded = await this.fold(decider, streamId, request.eventId);
    // The events this command would append (same derived ids) are stored already: a retry of
    // a command whose first attempt was stored but never answered. Answer as the first did.
    if (loaded.replayed) return { ...loaded, events: [] };
    const { state, revision, position } = loaded;
    const events = decider.decide(command, state);
    if (events.length === 0) return { state, events, revision, position };
    const expectedRevision: ExpectedRevision = revision < 0n ? 'no_stream' : revision;
    const envelopes: NewEvent[] = events.map((event, i) => ({
      eventId: request.eventId?.(i) ?? randomUUID(),
      type: event.type,
      data: event.data,
      metadata: toMetadata(context, this.schemaVersionOf(event.type)),
    }));
    const appended = await this.appendOrForget(streamId, envelopes, expectedRevision);
    const folded: FoldedStream<TState> = {
      state: events.reduce(decider.evolve, state),
      revision: appended.nextRevision,
      position: appended.position,
    };
    // Only a fold of exactly the stored events is kept: an append the store recognised as an
    // earlier retry (same event ids) may lie elsewhere in the stream.
    if (appended.nextRevision === revision + BigInt(events.length))
      this.cache.set(streamId, decider.evolve, folded);
    return { ...folded, events };
  }

  /**
   * A conflict means another writer appended first: the cached fold is still a true prefix of
   * the stream (the retry reads the tail), unless the stream turns out to end before it.
   */
  private async appendOrForget(
    streamId: string,
    envelopes: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ) {
    try {
      return await this.store.append(streamId, envelopes, { expectedRevision });
    } catch (error) {
      if (error instanceof WrongExpectedVersion) this.cache.forgetIfBeyond(streamId, error.actual);
      throw error;
    }
  }
}

/** A stream folded into its state, with its revision and the global position of its last event. */
export interface LoadedStream<TState> {
  readonly state: TState;
  readonly revision: bigint;
  readonly position: bigint;
}

function toMetadata(context: CommandContext, schemaVersion: number): EventMetadata {
  return { ...context, schemaVersion };
}

/** Jittered, growing pause before a retry, so racing writers spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof WrongExpectedVersion) return 'conflict';
  const kind = (error as { kind?: unknown } | null)?.kind;
  return kind === 'rule' ||
    kind === 'validation' ||
    kind === 'not-found' ||
    kind === 'conflict' ||
    kind === 'gone'
    ? 'rejected'
    : 'failed';
}

/** The events of an earlier attempt found so far, with the position and metadata of the last. */
interface Replayed<TEvent extends DomainEvent> {
  readonly events: readonly TEvent[];
  readonly position: bigint;
  readonly metadata: EventMetadata;
}

/** `replayed` with `event` added when it is the attempt's next event (by id); else as it was. */
function replayedWith<TEvent extends DomainEvent>(
  replayed: Replayed<TEvent> | undefined,
  event: RecordedEvent,
  eventId: EventIdSource,
): Replayed<TEvent> | undefined {
  const events = replayed?.events ?? [];
  if (event.eventId !== eventId(events.length)) return replayed;
  const added = { type: event.type, data: event.data } as TEvent;
  return { events: [...events, added], position: event.position, metadata: event.metadata };
}
