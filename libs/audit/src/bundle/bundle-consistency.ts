import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Checkpoint } from '../checkpoints/checkpoint.js';
import { EMPTY_ROOT, verifyConsistency } from '../merkle.js';
import { openCheckpointFor, sameHash } from '../verify/trusted-checkpoint.js';
import type { Verdict } from '../verify/verdict.js';
import { BUNDLE_FILES, bundleConsistencySchema, problemOf } from './bundle-format.js';
import { jsonLines } from './bundle-files.js';

/**
 * Checks consistency.jsonl: each earlier checkpoint the log signed (with its note) must be a
 * prefix of the bundle's log, and so must the auditor's trusted one, whose size needs a line
 * (a kept checkpoint's, or one the bundle was made for). Answers the number of lines.
 */
export async function checkConsistencyLines(
  dir: string,
  checkpoint: Checkpoint,
  verifierKey: string,
  trusted: Checkpoint | undefined,
  verdict: Verdict,
): Promise<number> {
  const file = join(dir, BUNDLE_FILES.consistency);
  if (!existsSync(file)) {
    verdict.unverifiable(`The bundle has no ${BUNDLE_FILES.consistency}`);
    return 0;
  }
  const to = checkpoint.treeSize;
  const extends_ = (from: number, root: Uint8Array, hashes: readonly Uint8Array[]) =>
    verifyConsistency(from, to, root, checkpoint.root, hashes);
  let count = 0;
  let trustedProved = trusted === undefined || trusted.treeSize === to;
  for await (const { line, value, error } of jsonLines(file)) {
    count++;
    const parsed = error === undefined ? bundleConsistencySchema.safeParse(value) : undefined;
    if (!parsed?.success || parsed.data.treeSize >= to) {
      const why = parsed?.success
        ? `size ${parsed.data.treeSize} is not below ${to}`
        : parsed
          ? problemOf(parsed.error)
          : error;
      verdict.unverifiable(`${BUNDLE_FILES.consistency} line ${line} is malformed (${why})`);
      continue;
    }
    const { treeSize, checkpoint: note } = parsed.data;
    const hashes = parsed.data.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64')));
    const what = `The checkpoint of size ${treeSize} (${BUNDLE_FILES.consistency} line ${line})`;
    const earlier =
      note === undefined ? undefined : openCheckpointFor(verdict, what, note, verifierKey);
    if (earlier && earlier.treeSize !== treeSize)
      verdict.tampered(`${what} states size ${earlier.treeSize}`);
    else if (earlier && !extends_(treeSize, earlier.root, hashes))
      verdict.tampered(`${what}, signed by the log, is not a prefix of the bundle's log`);
    if (trusted?.treeSize === treeSize) {
      trustedProved = true;
      if (!extends_(treeSize, trusted.root, hashes))
        verdict.tampered(
          `The bundle's log (size ${to}) does not extend the trusted checkpoint (size ` +
            `${treeSize}): the consistency proof fails`,
        );
    }
  }
  if (!trustedProved && trusted?.treeSize === 0) {
    trustedProved = true;
    if (!sameHash(trusted.root, EMPTY_ROOT))
      verdict.tampered('The trusted checkpoint of size 0 does not state the empty root');
  }
  if (!trustedProved)
    verdict.unverifiable(
      `The bundle holds no consistency proof from the trusted checkpoint's size ` +
        `${trusted!.treeSize}: ask for a bundle made with --trusted-checkpoint`,
    );
  return count;
}
