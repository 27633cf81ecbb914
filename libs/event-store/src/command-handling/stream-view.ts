import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';
import { StreamDeleted } from '../event-store.errors.js';
import { type FoldedStream, StreamStateCache } from './stream-state-cache.js';
import type { LoadedStream } from './command-runner.js';

/** How a view folds a stream's recorded events (with their revision, position and metadata). */
export interface RecordedFold<TState> {
  initialState(): TState;
  evolve(state: TState, event: RecordedEvent): TState;
}

const DEFAULT_CACHED_STREAMS = 5_000;

/**
 * A read of one stream folded into a view of it, always current (the stream is read at every
 * load), yet cheap: each stream's fold is kept (bounded, least recently used dropped), so a
 * load reads and folds only the events appended since. For what one aggregate's stream answers
 * by itself, where a read model would cost every command a projection's write.
 */
export class StreamView<TState> {
  private readonly cache: StreamStateCache;

  constructor(
    private readonly store: EventStore,
    private readonly fold: RecordedFold<TState>,
    cachedStreams = DEFAULT_CACHED_STREAMS,
  ) {
    this.cache = new StreamStateCache(cachedStreams);
  }

  async load(streamId: string): Promise<LoadedStream<TState>> {
    const cached = this.cache.get<TState>(streamId, this.fold.evolve);
    try {
      const loaded = await this.read(streamId, cached);
      if (loaded) {
        this.cache.set(streamId, this.fold.evolve, loaded);
        return loaded;
      }
    } catch (error) {
      // A stream deleted since it was folded: the fold must not outlive it.
      if (error instanceof StreamDeleted) this.cache.forgetIfBeyond(streamId, 'no_stream');
      throw error;
    }
    // The tail did not follow the fold (the stream was deleted and written anew): fold it all.
    this.cache.forgetIfBeyond(streamId, 'no_stream');
    const whole = (await this.read(streamId, undefined)) as FoldedStream<TState>;
    this.cache.set(streamId, this.fold.evolve, whole);
    return whole;
  }

  /** The fold continued from `cached` (or from the start); undefined when the tail leaves a gap. */
  private async read(
    streamId: string,
    cached: FoldedStream<TState> | undefined,
  ): Promise<FoldedStream<TState> | undefined> {
    const { evolve } = this.fold;
    let { state, revision, position } = cached ?? {
      state: this.fold.initialState(),
      revision: -1n,
      position: 0n,
    };
    const tail = cached ? { fromRevision: cached.revision + 1n } : undefined;
    let follows = cached ? cached.revision + 1n : undefined;
    for await (const event of this.store.readStream(streamId, tail)) {
      if (follows !== undefined && event.revision !== follows) return undefined;
      follows = undefined;
      state = evolve(state, event);
      revision = event.revision;
      position = event.position;
    }
    return { state, revision, position };
  }
}
