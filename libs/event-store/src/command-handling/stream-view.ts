import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';
import { StreamStateCache } from './stream-state-cache.js';
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
    const { evolve } = this.fold;
    const cached = this.cache.get<TState>(streamId, evolve);
    let { state, revision, position } = cached ?? {
      state: this.fold.initialState(),
      revision: -1n,
      position: 0n,
    };
    const tail = cached ? { fromRevision: cached.revision + 1n } : undefined;
    for await (const event of this.store.readStream(streamId, tail)) {
      state = evolve(state, event);
      revision = event.revision;
      position = event.position;
    }
    this.cache.set(streamId, evolve, { state, revision, position });
    return { state, revision, position };
  }
}
