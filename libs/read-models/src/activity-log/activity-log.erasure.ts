import {
  erasedProfile,
  isErasedProfile,
  PERSONAL_FIELDS,
  type RecordedBillingProfile,
} from '@customer-workspace/customers';

/** What the log shows in place of an erased personal value (docs/product.md rule 8). */
export const ERASED = '[erased]';

/**
 * A billing profile as the log shows it: as it is, or, erased, with `"[erased]"` for every
 * personal field. The erased form has one fixed shape, so an entry scrubbed when the erasure
 * arrives and the same entry written by a rebuild (which reads the profile erased) are equal.
 */
export function loggedProfile(
  profile: RecordedBillingProfile | null | undefined,
): RecordedBillingProfile | Record<string, unknown> | null | undefined {
  if (profile === null || profile === undefined || !isErasedProfile(profile)) return profile;
  return markedErased(profile);
}

/** A logged profile value (parsed JSON) with its personal data erased. */
export function scrubbedProfile(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return markedErased(erasedProfile(value as RecordedBillingProfile));
}

function markedErased(profile: ReturnType<typeof erasedProfile>): Record<string, unknown> {
  const marked: Record<string, unknown> = {
    ...profile,
    defaultAddress: { ...profile.defaultAddress },
  };
  delete marked.personalDataErased;
  for (const field of PERSONAL_FIELDS) {
    const [outer, inner] = field.split('.') as [string, string | undefined];
    if (inner === undefined) marked[outer] = ERASED;
    else (marked[outer] as Record<string, unknown>)[inner] = ERASED;
  }
  return marked;
}
