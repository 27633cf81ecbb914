import { type Checkpoint, MalformedCheckpoint, openCheckpoint } from '../checkpoints/checkpoint.js';
import { NoteNotVerified } from '../signed-note.js';
import type { Verdict } from './verdict.js';

/**
 * Opens a signed checkpoint for a verification: the checkpoint once its signature by
 * `verifierKey` verifies; otherwise a finding in `verdict` and undefined. Not signed by the key
 * is evidence (tampered: whoever made it did not hold the key, or the key was changed). A text
 * that is not a signed checkpoint at all is tampered when it was kept as one (`malformed:
 * 'tampered'`, the store's own), else it could not be verified (an auditor's file, a bundle's).
 */
export function openCheckpointFor(
  verdict: Verdict,
  what: string,
  note: string,
  verifierKey: string,
  { malformed = 'unverifiable' }: { malformed?: 'tampered' | 'unverifiable' } = {},
): Checkpoint | undefined {
  try {
    return openCheckpoint(note, verifierKey);
  } catch (error) {
    const unreadable = error instanceof MalformedCheckpoint || (error as NoteNotVerified).malformed;
    if (!(error instanceof NoteNotVerified) && !(error instanceof MalformedCheckpoint)) throw error;
    if (!unreadable) verdict.tampered(`${what} is not signed by the key (${error.message})`);
    else if (malformed === 'tampered') verdict.tampered(`${what} is not a signed checkpoint`);
    else verdict.unverifiable(`${what} is not a signed checkpoint: ${error.message}`);
    return undefined;
  }
}

/** Standard base64, as checkpoints and proofs write hashes. */
export function base64(hash: Uint8Array): string {
  return Buffer.from(hash).toString('base64');
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
