import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  readdirSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type { CheckpointLog, SignedCheckpoint } from '../checkpoints/checkpoint-log.js';
import { eventLeafHash } from '../event-bytes.js';
import type { AuditedRecord, AuditTree } from '../tree/audit-tree.js';
import type { ProofsTo } from '../tree/merkle-node-store.js';
import { base64, sameHash } from '../verify/trusted-checkpoint.js';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleConsistency,
  type BundleEntry,
  type BundleEvent,
  type BundleManifest,
} from './bundle-format.js';
import { bundleReadme } from './bundle-readme.js';

/** An activity-log item as the api shows it (position a decimal string), and its stored event. */
export interface BundledEntry {
  readonly item: { readonly position: string; readonly eventId: string } & Record<string, unknown>;
  readonly event: AuditedRecord;
}

export interface BundleContents {
  readonly partnerId: string;
  readonly tree: AuditTree;
  readonly checkpoints: CheckpointLog;
  /** The checkpoint every entry is proved against (its size is at most the tree's). */
  readonly checkpoint: SignedCheckpoint;
  readonly origin: string;
  readonly verifierKey: string;
  readonly publicKeyPem: string;
  /** The partner's entries up to the checkpoint, oldest first. */
  readonly entries: AsyncIterable<BundledEntry>;
  /** Tree sizes an auditor holds a checkpoint of, beyond the kept ones (a tree rebuilt). */
  readonly extraSizes?: readonly number[];
  readonly now?: Date;
  readonly onProgress?: (entries: number) => void;
}

export interface WrittenBundle {
  readonly entries: number;
  readonly consistencyProofs: number;
  /** Entries whose stored event no longer hashes to its leaf: the bundle shows it. */
  readonly mismatched: number;
  readonly firstMismatch?: bigint;
}

/**
 * Writes an audit bundle into `dir` (created; it must be empty): the entries streamed as JSON
 * Lines with their stored events and inclusion proofs (memory does not grow with the log), the
 * consistency proofs from every kept checkpoint's size (and the `extraSizes`), the signed
 * checkpoint, the key, a README, and the manifest last: a bundle without one is unfinished.
 */
export async function writeBundle(dir: string, contents: BundleContents): Promise<WrittenBundle> {
  prepareDirectory(dir);
  const { checkpoint, tree } = contents;
  writeFileSync(join(dir, BUNDLE_FILES.checkpoint), checkpoint.note);
  writeFileSync(join(dir, BUNDLE_FILES.publicKey), contents.publicKeyPem);
  writeFileSync(join(dir, BUNDLE_FILES.verifierKey), `${contents.verifierKey}\n`);

  const proofs = tree.proofsTo(checkpoint.treeSize);
  const written = await writeLines(join(dir, BUNDLE_FILES.entries), async (write) => {
    let count = 0;
    let mismatched = 0;
    let firstMismatch: bigint | undefined;
    for await (const { item, event } of contents.entries) {
      const line = entryLine(tree, proofs, checkpoint.treeSize, item, event);
      if (!sameHash(Buffer.from(line.entry.leafHash, 'base64'), eventLeafHash(event))) {
        mismatched++;
        firstMismatch ??= event.position;
      }
      await write(line);
      count++;
      contents.onProgress?.(count);
    }
    return { entries: count, mismatched, ...(firstMismatch !== undefined && { firstMismatch }) };
  });

  const consistencyProofs = await writeLines(join(dir, BUNDLE_FILES.consistency), async (write) => {
    let count = 0;
    for (const line of consistencyLines(contents, proofs)) {
      await write(line);
      count++;
    }
    return count;
  });

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    partnerId: contents.partnerId,
    origin: contents.origin,
    treeSize: checkpoint.treeSize,
    root: base64(checkpoint.root),
    createdAt: (contents.now ?? new Date()).toISOString(),
    entries: written.entries,
    consistencyProofs,
  };
  writeFileSync(join(dir, BUNDLE_FILES.readme), bundleReadme(manifest));
  writeFileSync(join(dir, BUNDLE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...written, consistencyProofs };
}

function entryLine(
  tree: AuditTree,
  proofs: ProofsTo,
  treeSize: number,
  item: BundledEntry['item'],
  event: AuditedRecord,
): BundleEntry {
  const leaf = tree.leafAt(event.position);
  if (!leaf || leaf.leafIndex >= treeSize)
    throw new Error(`The event at position ${event.position} is not in the tree of ${treeSize}`);
  return {
    entry: { ...item, leafIndex: leaf.leafIndex, leafHash: base64(leaf.leafHash) },
    event: bundleEventOf(event),
    inclusionProof: proofs.inclusion(leaf.leafIndex).map(base64),
  };
}

/** A stored event as `replay` prints it: positions and revisions as decimal strings. */
export function bundleEventOf(event: AuditedRecord): BundleEvent {
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}

/** The kept checkpoints below the bundle's size with their notes, then the extra sizes. */
function* consistencyLines(
  contents: BundleContents,
  proofs: ProofsTo,
): Generator<BundleConsistency> {
  const to = contents.checkpoint.treeSize;
  const hashes = (from: number) => proofs.consistency(from).map(base64);
  const kept = new Set<number>();
  for (const earlier of contents.checkpoints.inOrder()) {
    if (earlier.treeSize >= to) break;
    kept.add(earlier.treeSize);
    yield {
      treeSize: earlier.treeSize,
      hashes: hashes(earlier.treeSize),
      checkpoint: earlier.note,
    };
  }
  const extra = [...new Set(contents.extraSizes ?? [])].filter((s) => s < to && !kept.has(s));
  for (const size of extra.sort((a, b) => a - b)) yield { treeSize: size, hashes: hashes(size) };
}

/** A JSON Lines file written at the pace the disk takes it. */
async function writeLines<T>(
  file: string,
  produce: (write: (line: unknown) => Promise<void>) => Promise<T>,
): Promise<T> {
  const out: WriteStream = createWriteStream(file);
  try {
    const result = await produce(async (line) => {
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    });
    out.end();
    await finished(out);
    return result;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

function prepareDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: give a new directory`);
}
