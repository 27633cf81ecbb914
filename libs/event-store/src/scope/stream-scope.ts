import type { AllFilter } from '../event-store.port.js';

/** What a prefix may hold: no `-` (it would end the category), nothing a system stream starts with. */
const PREFIX_PATTERN = /^[A-Za-z0-9_.:]{0,64}$/;

/**
 * The streams one deployment owns on a store that others may share: its stream categories
 * (`customer-`, `partner-`, …), each behind an optional deployment prefix. A category ends at its
 * first `-`, and a prefix holds none, so two deployments with different prefixes own disjoint
 * streams, and a prefixed stream keeps a category of its own (`staging_customer`) for
 * EventStoreDB's category projections.
 */
export class StreamScope {
  readonly prefix: string;
  readonly categories: readonly string[];

  constructor(options: { readonly prefix?: string; readonly categories: readonly string[] }) {
    const prefix = options.prefix ?? '';
    if (!PREFIX_PATTERN.test(prefix)) throw new InvalidStreamPrefix(prefix);
    if (options.categories.length === 0) throw new TypeError('a stream scope needs a category');
    for (const category of options.categories) {
      if (!/^[A-Za-z0-9_.]+-$/.test(category))
        throw new TypeError(`a stream category ends with its only "-": got ${category}`);
    }
    this.prefix = prefix;
    this.categories = [...options.categories];
  }

  /** The stored name of one of our streams. */
  stored(streamId: string): string {
    return this.prefix + streamId;
  }

  /** Our name of a stored stream (the stored name itself when it is not behind our prefix). */
  local(storedId: string): string {
    return storedId.startsWith(this.prefix) ? storedId.slice(this.prefix.length) : storedId;
  }

  /** Whether a stored stream is one of ours. */
  owns(storedId: string): boolean {
    return this.categories.some((category) => storedId.startsWith(this.prefix + category));
  }

  /**
   * The server-side filter for a reader's filter: always by stream name, narrowed to our
   * categories. An event-type filter cannot be combined with it on the server (one filter per
   * read), so it is applied to our events afterwards (`accepts`).
   */
  storedFilter(filter: AllFilter | undefined): AllFilter {
    const wanted =
      filter && 'streamNamePrefixes' in filter
        ? filter.streamNamePrefixes.flatMap((prefix) => this.narrow(prefix))
        : this.categories;
    // A reader's filter outside our categories still reads through ours (and accepts nothing),
    // never through an empty filter, which a server may take for none.
    const prefixes = wanted.length > 0 ? [...new Set(wanted)] : this.categories;
    return { streamNamePrefixes: prefixes.map((prefix) => this.stored(prefix)) };
  }

  /**
   * Whether `storedFilter(filter)` asks the store for exactly what the reader wants: no type
   * filter to apply afterwards, and a stream filter that kept something of our categories.
   */
  isExact(filter: AllFilter | undefined): boolean {
    if (!filter) return true;
    if ('eventTypePrefixes' in filter) return false;
    return filter.streamNamePrefixes.some((prefix) => this.narrow(prefix).length > 0);
  }

  /**
   * Whether a stored event is one of ours that the reader's filter asks for: checked again on
   * what the server sends, so a server that filtered less than asked changes nothing.
   */
  accepts(filter: AllFilter | undefined, event: { streamId: string; type: string }): boolean {
    return (
      this.owns(event.streamId) && this.matches(filter, this.local(event.streamId), event.type)
    );
  }

  /** Whether one of our events (`localId`: its stream as we name it) matches the reader's filter. */
  matches(filter: AllFilter | undefined, localId: string, type: string): boolean {
    if (!filter) return true;
    if ('eventTypePrefixes' in filter)
      return filter.eventTypePrefixes.some((prefix) => type.startsWith(prefix));
    return filter.streamNamePrefixes.some((prefix) => localId.startsWith(prefix));
  }

  /** A reader's stream prefix within our categories: itself, a category it spans, or none. */
  private narrow(prefix: string): string[] {
    return this.categories.flatMap((category) => {
      if (prefix.startsWith(category)) return [prefix];
      if (category.startsWith(prefix)) return [category];
      return [];
    });
  }
}

/** `EVENTSTORE_STREAM_PREFIX` holds what a stream prefix cannot. */
export class InvalidStreamPrefix extends Error {
  constructor(readonly prefix: string) {
    super(
      `EVENTSTORE_STREAM_PREFIX must be at most 64 letters, digits, "_", "." or ":" (no "-"): got ${JSON.stringify(prefix)}`,
    );
    this.name = 'InvalidStreamPrefix';
  }
}
