import type { Hash } from '../merkle.js';
import { openNote } from '../signed-note.js';

/** What a checkpoint states: the tree named `origin` had `treeSize` leaves and this root. */
export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly root: Hash;
}

/** A checkpoint that does not read as one (C2SP tlog-checkpoint). */
export class MalformedCheckpoint extends Error {
  constructor(reason: string) {
    super(`Not a checkpoint: ${reason}`);
    this.name = 'MalformedCheckpoint';
  }
}

/**
 * The body of a checkpoint as C2SP tlog-checkpoint writes it (the text a signed note signs):
 * the origin, the tree size in decimal and the root in standard base64, one per line.
 */
export function checkpointText({ origin, treeSize, root }: Checkpoint): string {
  if (origin === '' || /\n/.test(origin)) throw new TypeError('An origin is one non-empty line');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0)
    throw new RangeError(`A tree size is a non-negative integer, not ${treeSize}`);
  return `${origin}\n${treeSize}\n${Buffer.from(root).toString('base64')}\n`;
}

/**
 * Reads a checkpoint body (the text of an opened note). Extension lines after the root are
 * allowed by the format and ignored here.
 */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') throw new MalformedCheckpoint('too few lines');
  const [origin, size, root] = lines as [string, string, string];
  if (origin === '') throw new MalformedCheckpoint('no origin');
  if (!/^(0|[1-9][0-9]*)$/.test(size)) throw new MalformedCheckpoint(`tree size "${size}"`);
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize)) throw new MalformedCheckpoint(`tree size ${size}`);
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root)
    throw new MalformedCheckpoint('the root is not the base64 of 32 bytes');
  return { origin, treeSize, root: new Uint8Array(hash) };
}

/**
 * The checkpoint a signed note states, once a signature by `verifierKey` verifies over it.
 * Throws `NoteNotVerified` (not signed by that key, or not a signed note), `MalformedCheckpoint`
 * (signed, but not a checkpoint), or a `TypeError` when the key does not read as one.
 */
export function openCheckpoint(note: string, verifierKey: string): Checkpoint {
  return parseCheckpointText(openNote(note, verifierKey));
}
