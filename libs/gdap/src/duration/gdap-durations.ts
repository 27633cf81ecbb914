import { InvalidAutoExtendDuration, InvalidGdapDuration } from './duration.errors.js';
import { type IsoDuration, parseIsoDuration } from './iso-duration.js';

/** The shortest relationship: one day. */
export const MIN_RELATIONSHIP_DURATION: IsoDuration = { seconds: 86_400, canonical: 'P1D' };
/** The longest relationship: two years, read as 730 days (`P2Y` and `P730D` are the same). */
export const MAX_RELATIONSHIP_DURATION: IsoDuration = { seconds: 730 * 86_400, canonical: 'P730D' };

/** No auto-extension: the relationship expires at its `endDateTime`. The default. */
export const NO_AUTO_EXTENSION = 'PT0S';
/** The one auto-extension there is: 180 more days at each `endDateTime`. */
export const AUTO_EXTENSION = 'P180D';
export type AutoExtendDuration = typeof NO_AUTO_EXTENSION | typeof AUTO_EXTENSION;

/** How long a customer has to approve a relationship locked for approval. */
export const APPROVAL_REQUEST_VALIDITY: IsoDuration = { seconds: 90 * 86_400, canonical: 'P90D' };

/**
 * The canonical form of a relationship's duration (`P2Y` → `P730D`), checked against
 * `P1D`..`P2Y` inclusive; `InvalidGdapDuration` otherwise.
 */
export function relationshipDuration(text: string): string {
  const duration = parseIsoDuration(text);
  if (
    duration === undefined ||
    duration.seconds < MIN_RELATIONSHIP_DURATION.seconds ||
    duration.seconds > MAX_RELATIONSHIP_DURATION.seconds
  )
    throw new InvalidGdapDuration(text);
  return duration.canonical;
}

/**
 * The canonical form of an auto-extension: `PT0S` or `P180D`, whatever the spelling of the
 * same length (`P0D`, `PT4320H`); `InvalidAutoExtendDuration` otherwise.
 */
export function autoExtendDuration(text: string): AutoExtendDuration {
  const canonical = parseIsoDuration(text)?.canonical;
  if (canonical === NO_AUTO_EXTENSION || canonical === AUTO_EXTENSION) return canonical;
  throw new InvalidAutoExtendDuration(text);
}
