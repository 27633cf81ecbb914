/** A stream folded up to `revision` (its last event, at global `position`). */
export interface FoldedStream<TState> {
  readonly state: TState;
  readonly revision: bigint;
  readonly position: bigint;
}

interface Entry extends FoldedStream<unknown> {
  /** The `evolve` that folded `state`: another decider on the same stream folds its own. */
  readonly evolve: unknown;
}

/**
 * The folded state of recently used streams, least recently used evicted first. An entry stays
 * true as long as the stream only grows (events are never changed once stored), so a reader
 * folds only the events after `revision` onto it. States are immutable values (`evolve` returns
 * new objects), so one entry may be shared by concurrent commands.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxStreams: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry folded by `evolve`, marked as the most recently used. */
  get<TState>(streamId: string, evolve: unknown): FoldedStream<TState> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined || entry.evolve !== evolve) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry as FoldedStream<TState>;
  }

  /**
   * Keeps `folded` unless a fold further along the stream is kept already: commands on one
   * stream finish in any order, and an older fold must not replace a newer one.
   */
  set<TState>(streamId: string, evolve: unknown, folded: FoldedStream<TState>): void {
    if (this.maxStreams <= 0 || folded.revision < 0n) return;
    const current = this.entries.get(streamId);
    if (current !== undefined && current.evolve === evolve && current.revision >= folded.revision)
      return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { ...folded, evolve });
    if (this.entries.size > this.maxStreams) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  /** Forgets `streamId` when its cached fold reaches past `revision`, the stream's real end. */
  forgetIfBeyond(streamId: string, revision: bigint | 'no_stream'): void {
    const entry = this.entries.get(streamId);
    if (entry !== undefined && (revision === 'no_stream' || entry.revision > revision)) {
      this.entries.delete(streamId);
    }
  }
}
