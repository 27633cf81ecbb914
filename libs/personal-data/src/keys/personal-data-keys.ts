import { AppError } from '@customer-workspace/kernel';

/** A data key: 32 random bytes (AES-256) and the id sealed values name it by. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Uint8Array;
}

/** What a key id names: its key, or the fact that it was destroyed (for good). */
export type KeyLookup = DataKey | { readonly keyId: string; readonly destroyed: true };

export const isDestroyed = (lookup: KeyLookup): lookup is Extract<KeyLookup, { destroyed: true }> =>
  'destroyed' in lookup;

/**
 * The key store port: the data keys that seal personal data, one or more per subject (a
 * customer), kept apart from the events. Erasing a subject's personal data is destroying its
 * keys: what they sealed can never be opened again, while the sealed bytes (and every hash
 * over them) stay as they are.
 *
 * A subject's keys are *live* (new seals use the newest), *retired* (an erasure is being
 * recorded: they still open, nothing new is sealed with them) or destroyed. Retiring before
 * the erasure is appended and destroying after it the keys that sealed what came before it
 * means a profile set once the erasure is stored gets a key of its own, which that erasure
 * never destroys.
 *
 * Adapters: `SqlitePersonalDataKeys` (embedded, one machine). Deployments whose api instances
 * share an EventStoreDB need one store all instances share, that truly deletes (see
 * docs/operations.md#personal-data-keys).
 */
export interface PersonalDataKeys {
  /**
   * The subject's key for a new seal: its live key, or a new one, durably stored before it is
   * returned (an event is appended only after the key that sealed it is safe).
   */
  keyFor(subjectId: string): Promise<DataKey>;
  /** The key `keyId`, or that it was destroyed; `PersonalDataKeyMissing` for an unknown id. */
  keyById(keyId: string): Promise<KeyLookup>;
  /** No new seal uses the subject's current keys; they still open what they sealed. */
  retire(subjectId: string): Promise<void>;
  /**
   * Destroys the subject's keys `keyIds` (ids of other subjects' keys are ignored); resolves
   * once no copy of them is left in the store's files. Answers how many it destroyed (0 when
   * done already).
   */
  destroy(subjectId: string, keyIds: readonly string[]): Promise<number>;
  /** Whether some key of the subject was destroyed. */
  hasDestroyed(subjectId: string): Promise<boolean>;
  /** The position of the last erasure event whose keys are destroyed (the erasure follower's). */
  erasuresHandled(): Promise<bigint | undefined>;
  recordErasuresHandled(position: bigint): Promise<void>;
  close(): Promise<void>;
}

/**
 * A sealed value names a key this store never held: the key store is not the one the events
 * were written with (another `DATA_DIR`, a lost or older backup). Reading stops, loudly,
 * rather than showing the profile as erased.
 */
export class PersonalDataKeyMissing extends AppError {
  readonly kind = 'unavailable';
  constructor(readonly keyId: string) {
    super(
      'personal-data-key-missing',
      `Personal data key ${keyId} is not in the key store: is it the key store these events were written with?`,
    );
  }
}

/** Nest injection token for the configured `PersonalDataKeys`. */
export const PERSONAL_DATA_KEYS = Symbol('PERSONAL_DATA_KEYS');
