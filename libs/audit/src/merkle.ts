import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 / RFC 9162 (section 2.1), SHA-256: the hash of a leaf is
 * `SHA-256(0x00 ‖ bytes)`, of a node `SHA-256(0x01 ‖ left ‖ right)`, and a tree of n > 1 leaves
 * splits at k, the largest power of two below n. Written from the RFC and checked against its
 * published test vectors and a naive reading of the RFC's recursive definitions.
 */
export type Hash = Uint8Array;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** `SHA-256(0x00 ‖ bytes)`. */
export function leafHash(bytes: Uint8Array): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
}

/** `SHA-256(0x01 ‖ left ‖ right)`. */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of an empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** The largest power of two smaller than n (n ≥ 2): where a tree of n leaves splits. */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`No split for a tree of ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[0:n]) of the leaf hashes given (RFC 9162 2.1.1). */
export function rootOf(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  // Bottom-up: pair neighbours; an odd last node is carried up as it is, which builds exactly
  // the tree of the RFC's split at the largest power of two.
  let level = [...leaves];
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/**
 * The hash of the leaves `[start, end)`, MTH(D[start:end]): from the leaves in memory, or from
 * the complete subtrees a store keeps. The proofs below need nothing else.
 */
export type RangeHash = (start: number, end: number) => Hash;

/**
 * The inclusion proof of leaf `index` in the tree of the first `size` leaves (RFC 9162 2.1.3.1,
 * PATH(m, D[0:n])): the sibling hashes from the leaf up to the root.
 */
export function inclusionProof(leaves: readonly Hash[], index: number, size = leaves.length) {
  checkSize(leaves, size);
  return inclusionPath(inMemory(leaves), index, size);
}

/** PATH(index, D[0:size]) over any source of subtree hashes. */
export function inclusionPath(hash: RangeHash, index: number, size: number): Hash[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new RangeError(`Leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, end: number): Hash[] => {
    if (end - start <= 1) return [];
    const k = splitPoint(end - start);
    return m < k
      ? [...path(m, start, start + k), hash(start + k, end)]
      : [...path(m - k, start + k, end), hash(start, start + k)];
  };
  return path(index, 0, size);
}

/**
 * The consistency proof between the trees of the first `from` and the first `to` leaves
 * (RFC 9162 2.1.4.1, PROOF(m, D[0:n])); empty when `from` is 0 or equals `to`.
 */
export function consistencyProof(leaves: readonly Hash[], from: number, to = leaves.length) {
  checkSize(leaves, to);
  return consistencyPath(inMemory(leaves), from, to);
}

/** PROOF(from, D[0:to]) over any source of subtree hashes. */
export function consistencyPath(hash: RangeHash, from: number, to: number): Hash[] {
  if (!Number.isSafeInteger(from) || from < 0 || from > to)
    throw new RangeError(`No consistency proof from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  const subproof = (m: number, start: number, end: number, whole: boolean): Hash[] => {
    if (m === end - start) return whole ? [] : [hash(start, end)];
    const k = splitPoint(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, whole), hash(start + k, end)]
      : [...subproof(m - k, start + k, end, false), hash(start, start + k)];
  };
  return subproof(from, 0, to, true);
}

const inMemory =
  (leaves: readonly Hash[]): RangeHash =>
  (start, end) =>
    rootOf(leaves.slice(start, end));

function checkSize(leaves: readonly Hash[], size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > leaves.length)
    throw new RangeError(`A tree of ${size} leaves is not in the ${leaves.length} given`);
}

/**
 * Verifies an inclusion proof (RFC 9162 2.1.3.2): the root it leads to from `leaf` at `index`
 * in a tree of `size` is `root`.
 */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/**
 * Verifies a consistency proof (RFC 9162 2.1.4.2): the tree of `from` leaves with root
 * `fromRoot` is a prefix of the tree of `to` leaves with root `toRoot`.
 */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Hash,
  toRoot: Hash,
  proof: readonly Hash[],
): boolean {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to)
    return false;
  if (from === to) return proof.length === 0 && equal(fromRoot, toRoot);
  if (from === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  // A `from` that is a power of two is a complete subtree: its root starts the path.
  const nodes = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = nodes[0]!;
  let sr = nodes[0]!;
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, fromRoot) && equal(sr, toRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

function equal(a: Hash, b: Hash): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
