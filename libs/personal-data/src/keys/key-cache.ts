import type { DataKey, KeyLookup } from './personal-data-keys.js';

/**
 * Recently used keys in memory, least recently used dropped past `capacity`: by key id (what a
 * read opens with) and each subject's live key (what a write seals with). The owner empties it
 * whenever another process may have changed the store, so a destroyed key is never served.
 */
export class KeyCache {
  private readonly byId = new Map<string, KeyLookup>();
  private readonly live = new Map<string, DataKey>();

  constructor(private readonly capacity: number) {}

  lookup(keyId: string): KeyLookup | undefined {
    return touch(this.byId, keyId);
  }

  liveKey(subjectId: string): DataKey | undefined {
    return touch(this.live, subjectId);
  }

  remember(lookup: KeyLookup, liveFor?: string): void {
    put(this.byId, lookup.keyId, lookup, this.capacity);
    if (liveFor !== undefined && !('destroyed' in lookup))
      put(this.live, liveFor, lookup, this.capacity);
  }

  /** The subject's live key is no longer live (retired). */
  forgetLive(subjectId: string): void {
    this.live.delete(subjectId);
  }

  clear(): void {
    this.byId.clear();
    this.live.clear();
  }
}

function touch<T>(map: Map<string, T>, id: string): T | undefined {
  const value = map.get(id);
  if (value === undefined) return undefined;
  map.delete(id);
  map.set(id, value);
  return value;
}

function put<T>(map: Map<string, T>, id: string, value: T, capacity: number): void {
  if (capacity <= 0) return;
  map.delete(id);
  map.set(id, value);
  if (map.size > capacity) map.delete(map.keys().next().value as string);
}
