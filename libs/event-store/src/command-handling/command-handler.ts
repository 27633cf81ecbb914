import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../event-envelope.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import type { EventStore, ExpectedRevision } from '../event-store.port.js';
import type { Decider, DomainEvent } from '@customer-workspace/kernel';
import { type FoldedStream, StreamStateCache } from './stream-state-cache.js';

/**
 * Who issues a command, when and why: becomes the metadata of every event it produces
 * (`occurredAt` is the command's time).
 */
export type CommandContext = Omit<EventMetadata, 'schemaVersion'>;

export interface HandleOptions {
  /** Extra attempts after a `WrongExpectedVersion`; only for commands that are safe to retry. */
  readonly retriesOnConflict?: number;
  /** Deterministic event ids (e.g. derived from a deciding event), so a retry stores nothing twice. */
  readonly eventId?: (index: number) => string;
  readonly schemaVersion?: number;
}

export interface HandleResult<TState, TEvent extends DomainEvent> {
  readonly state: TState;
  readonly events: readonly TEvent[];
  /** The stream's revision after the command (`-1n` when it has no events). */
  readonly revision: bigint;
  /** Global position of the last event appended, or of the stream's last event when none was. */
  readonly position: bigint;
}

export type CommandOutcome = 'accepted' | 'rejected' | 'conflict' | 'failed';

export interface CommandHandlerOptions {
  /**
   * How many streams keep their folded state between commands (least recently used evicted;
   * 0 turns the cache off). Default 5,000.
   */
  readonly cachedStreams?: number;
}

const DEFAULT_CACHED_STREAMS = 5_000;

type Evolving<TEvent extends DomainEvent, TState> = Pick<
  Decider<unknown, TEvent, TState>,
  'evolve' | 'initialState'
>;

/**
 * The one generic command handler (STYLE.md rule 2): load the stream, fold `evolve`, `decide`,
 * append with the expected revision. Commands on one stream run one at a time in this process;
 * an append that conflicts with another writer is retried, with the stream read again, only
 * as often as the caller declares safe.
 *
 * Each stream's folded state is kept (bounded, see `CommandHandlerOptions`), so a command
 * reads and folds only the events appended since, by this process or any other: the cost of
 * a command does not grow with its stream.
 */
export class CommandHandler {
  private readonly cache: StreamStateCache;
  /** Per stream, the end of its queue of commands in this process. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly onOutcome: (commandType: string, outcome: CommandOutcome) => void = () =>
      undefined,
    options: CommandHandlerOptions = {},
  ) {
    this.cache = new StreamStateCache(options.cachedStreams ?? DEFAULT_CACHED_STREAMS);
  }

  async handle<TCommand extends { readonly type: string }, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    streamId: string,
    command: TCommand,
    context: CommandContext,
    options: HandleOptions = {},
  ): Promise<HandleResult<TState, TEvent>> {
    return this.oneAtATime(streamId, () => this.run(decider, streamId, command, context, options));
  }

  private async run<TCommand extends { readonly type: string }, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    streamId: string,
    command: TCommand,
    context: CommandContext,
    options: HandleOptions,
  ): Promise<HandleResult<TState, TEvent>> {
    const attempts = 1 + (options.retriesOnConflict ?? 0);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.attempt(decider, streamId, command, context, options);
        this.onOutcome(command.type, 'accepted');
        return result;
      } catch (error) {
        const conflict = error instanceof WrongExpectedVersion;
        if (conflict && attempt < attempts) {
          await backoff(attempt);
          continue;
        }
        this.onOutcome(command.type, outcomeOf(error));
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
    eventId?: HandleOptions['eventId'],
  ): Promise<{ state: TState; revision: bigint; position: bigint; alreadyApplied?: bigint }> {
    // Recognising a retry's stored events (`eventId`) needs every event's id: no cached start.
    const cached = eventId ? undefined : this.cache.get<TState>(streamId, decider.evolve);
    let { state, revision, position } = cached ?? {
      state: decider.initialState(),
      revision: -1n,
      position: 0n,
    };
    let matched = 0;
    let alreadyApplied: bigint | undefined;
    const tail = cached ? { fromRevision: cached.revision + 1n } : undefined;
    for await (const event of this.store.readStream(streamId, tail)) {
      state = decider.evolve(state, event as unknown as TEvent);
      revision = event.revision;
      position = event.position;
      if (eventId && event.eventId === eventId(matched)) {
        matched++;
        alreadyApplied = event.position;
      }
    }
    this.cache.set(streamId, decider.evolve, { state, revision, position });
    return {
      state,
      revision,
      position,
      ...(alreadyApplied === undefined ? {} : { alreadyApplied }),
    };
  }

  private async attempt<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    streamId: string,
    command: TCommand,
    context: CommandContext,
    options: HandleOptions,
  ): Promise<HandleResult<TState, TEvent>> {
    const { state, revision, position, alreadyApplied } = await this.load(
      decider,
      streamId,
      options.eventId,
    );
    // The events this command would append (same derived ids) are stored already: a retry of
    // a command whose first attempt was stored but never answered. Answer as the first did.
    if (alreadyApplied !== undefined)
      return { state, events: [], revision, position: alreadyApplied };
    const events = decider.decide(command, state);
    if (events.length === 0) return { state, events, revision, position };
    const expectedRevision: ExpectedRevision = revision < 0n ? 'no_stream' : revision;
    const metadata = toMetadata(context, options.schemaVersion ?? 1);
    const envelopes: NewEvent[] = events.map((event, i) => ({
      eventId: options.eventId?.(i) ?? randomUUID(),
      type: event.type,
      data: event.data,
      metadata,
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
