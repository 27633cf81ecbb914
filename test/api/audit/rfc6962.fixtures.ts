import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';

/**
 * An auditor's own tools, written from the RFCs and independent of libs/audit: RFC 6962 /
 * RFC 9162 hashing and proofs (recursive, as the RFC defines them), RFC 8785 bytes by the
 * `canonicalize` package, C2SP signed notes checked with node:crypto and a PEM key.
 */

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export const leafHashOf = (bytes: Uint8Array): Buffer => sha256(Buffer.of(0), bytes);
const nodeHashOf = (left: Uint8Array, right: Uint8Array): Buffer =>
  sha256(Buffer.of(1), left, right);

/** The largest power of two smaller than n (n > 1). */
const split = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

/** MTH(D[n]) of RFC 6962 2.1. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHashOf(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/**
 * Whether `path` (PATH(m, D[n]), RFC 6962 2.1.1: the sibling of the top split last) leads from
 * `leaf` at index m of a tree of n leaves to `root`.
 */
export function inclusionHolds(
  leaf: Buffer,
  m: number,
  n: number,
  path: readonly Buffer[],
  root: Buffer,
): boolean {
  const walk = (m: number, n: number, path: readonly Buffer[]): Buffer | undefined => {
    if (n === 1) return path.length === 0 ? leaf : undefined;
    if (path.length === 0) return undefined;
    const k = split(n);
    const sibling = path.at(-1)!;
    const rest = path.slice(0, -1);
    if (m < k) {
      const left = walk(m, k, rest);
      return left && nodeHashOf(left, sibling);
    }
    const right = walk(m - k, n - k, rest);
    return right && nodeHashOf(sibling, right);
  };
  if (m < 0 || m >= n) return false;
  return walk(m, n, path)?.equals(root) ?? false;
}

/**
 * Whether `proof` (PROOF(m, D[n]), RFC 6962 2.1.2) shows the tree of m leaves with `oldRoot` to
 * be a prefix of the tree of n leaves with `newRoot`: both roots are rebuilt from the proof.
 */
export function consistencyHolds(
  m: number,
  n: number,
  oldRoot: Buffer,
  newRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (m < 0 || m > n) return false;
  if (m === 0) return proof.length === 0;
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  // [hash of the old tree's part in this subtree, hash of the subtree in the new tree]
  const walk = (
    m: number,
    n: number,
    whole: boolean,
    proof: readonly Buffer[],
  ): [Buffer, Buffer] | undefined => {
    if (m === n) {
      if (whole) return proof.length === 0 ? [oldRoot, oldRoot] : undefined;
      return proof.length === 1 ? [proof[0]!, proof[0]!] : undefined;
    }
    if (proof.length === 0) return undefined;
    const k = split(n);
    const sibling = proof.at(-1)!;
    const rest = proof.slice(0, -1);
    if (m <= k) {
      const inner = walk(m, k, whole, rest);
      return inner && [inner[0], nodeHashOf(inner[1], sibling)];
    }
    const inner = walk(m - k, n - k, false, rest);
    return inner && [nodeHashOf(sibling, inner[0]), nodeHashOf(sibling, inner[1])];
  };
  const roots = walk(m, n, true, proof);
  return roots !== undefined && roots[0].equals(oldRoot) && roots[1].equals(newRoot);
}

/** A stored event's bytes as API.md defines them: JCS of the six fields, exactly as stored. */
export interface StoredEvent {
  readonly position: bigint;
  readonly eventId: string;
  readonly bytes: Buffer;
  readonly leafHash: Buffer;
}

/** Every event of the embedded store in `dataDir`, in global order, read straight from SQLite. */
export function storedEvents(dataDir: string): StoredEvent[] {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'SELECT position, event_id, stream_id, revision, type, data, metadata FROM events ORDER BY position',
      )
      .safeIntegers(true)
      .all() as {
      position: bigint;
      event_id: string;
      stream_id: string;
      revision: bigint;
      type: string;
      data: string;
      metadata: string;
    }[];
    return rows.map((row) => {
      const text = canonicalize({
        streamId: row.stream_id,
        revision: Number(row.revision),
        eventId: row.event_id,
        type: row.type,
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as unknown,
      });
      const bytes = Buffer.from(text!, 'utf8');
      return { position: row.position, eventId: row.event_id, bytes, leafHash: leafHashOf(bytes) };
    });
  } finally {
    db.close();
  }
}

/** A checkpoint whose signature verified. */
export interface OpenedCheckpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly root: Buffer;
  readonly keyName: string;
}

/**
 * Opens a C2SP signed note with an Ed25519 PEM key: the signature line `— <name> <base64 of a
 * 4-byte key hash and the 64-byte signature>` must verify over the text before the blank line.
 * Throws when it does not.
 */
export function openCheckpoint(note: string, pem: string): OpenedCheckpoint {
  const [text, signatures] = note.split('\n\n') as [string, string | undefined];
  const match = /^\u2014 (\S+) (\S+)\n$/.exec(signatures ?? '');
  if (!match) throw new Error(`No signature line in ${JSON.stringify(note)}`);
  const blob = Buffer.from(match[2]!, 'base64');
  const signed = Buffer.from(`${text}\n`, 'utf8');
  if (blob.length !== 68 || !verify(null, signed, createPublicKey(pem), blob.subarray(4)))
    throw new Error('The checkpoint signature does not verify');
  const [origin, size, root, ...rest] = text.split('\n');
  if (rest.length > 0 || !/^\d+$/.test(size ?? '')) throw new Error(`Not a checkpoint: ${text}`);
  return {
    origin: origin!,
    treeSize: Number(size),
    root: Buffer.from(root!, 'base64'),
    keyName: match[1]!,
  };
}

export const fromBase64 = (hashes: readonly string[]): Buffer[] =>
  hashes.map((hash) => Buffer.from(hash, 'base64'));
