import type Database from 'better-sqlite3';
import {
  consistencyPath,
  EMPTY_ROOT,
  type Hash,
  inclusionPath,
  nodeHash,
  type RangeHash,
  splitPoint,
} from '../merkle.js';

/**
 * The complete subtrees of an append-only Merkle tree, in SQLite: level 0 holds the leaf
 * hashes, level l the hash of each aligned run of 2^l leaves, written once when its last leaf
 * comes. Any range's hash is then a handful of reads (the tree's right edge is combined on the
 * fly), so roots and proofs of any past size cost O(log n) reads, never a pass over the leaves.
 * The database is the caller's: appends run inside the caller's transaction (a projection's,
 * with its checkpoint).
 */
export class MerkleNodeStore {
  private readonly sql;

  constructor(db: Database.Database) {
    db.exec(MERKLE_NODES_SCHEMA);
    this.sql = {
      node: db
        .prepare<[number, number], Buffer>(
          'SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?',
        )
        .pluck(),
      put: db.prepare<[number, number, Buffer]>(
        'INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)',
      ),
      // The last leaf's index, off the primary key: O(log n), where COUNT(*) reads every leaf.
      size: db
        .prepare<[], number>('SELECT COALESCE(MAX(idx) + 1, 0) FROM merkle_nodes WHERE level = 0')
        .pluck(),
    };
  }

  /** How many leaves the tree has. */
  size(): number {
    return this.sql.size.get() ?? 0;
  }

  /** Appends a leaf hash and the complete subtrees it closes; returns its leaf index. */
  append(leaf: Hash, index = this.size()): number {
    let level = 0;
    let idx = index;
    let hash = Buffer.from(leaf);
    this.sql.put.run(level, idx, hash);
    while (idx % 2 === 1) {
      hash = Buffer.from(nodeHash(this.node(level, idx - 1), hash));
      level++;
      idx = Math.floor(idx / 2);
      this.sql.put.run(level, idx, hash);
    }
    return index;
  }

  /** The leaf hash at `index`. */
  leaf(index: number): Hash {
    return this.node(0, index);
  }

  /** The root of the tree of the first `size` leaves (a past one included). */
  root(size = this.size()): Hash {
    this.check(size);
    return size === 0 ? EMPTY_ROOT : this.rangeHash(0, size);
  }

  inclusionProof(index: number, size = this.size()): Hash[] {
    this.check(size);
    return inclusionPath(this.rangeHash, index, size);
  }

  consistencyProof(from: number, to = this.size()): Hash[] {
    this.check(to);
    return consistencyPath(this.rangeHash, from, to);
  }

  /**
   * Many proofs to one tree size (an audit bundle's): the subtrees on the tree's right edge,
   * which every proof to that size needs and no node stores, are combined once, and the stored
   * nodes read are kept (up to `keep`): neighbouring entries share most of their paths.
   */
  proofsTo(size: number, keep = 200_000): ProofsTo {
    this.check(size);
    const edge = new Map<number, Hash>();
    const nodes = new Map<number, Hash>();
    const node = (level: number, idx: number): Hash => {
      const key = level * 2 ** 40 + idx;
      let hash = nodes.get(key);
      if (hash === undefined) {
        if (nodes.size >= keep) nodes.clear();
        hash = this.node(level, idx);
        nodes.set(key, hash);
      }
      return hash;
    };
    // Every range a proof needs is a stored subtree or ends at `size` (the RFC's splits).
    const hash: RangeHash = (start, end) => {
      if (aligned(start, end)) return node(Math.log2(end - start), start / (end - start));
      let known = end === size ? edge.get(start) : undefined;
      if (known === undefined) {
        const k = splitPoint(end - start);
        known = nodeHash(hash(start, start + k), hash(start + k, end));
        if (end === size) edge.set(start, known);
      }
      return known;
    };
    return {
      inclusion: (index) => inclusionPath(hash, index, size),
      consistency: (from) => consistencyPath(hash, from, size),
    };
  }

  /** MTH(D[start:end]): a stored node when the range is one aligned subtree, else split. */
  private readonly rangeHash = (start: number, end: number): Hash => {
    const length = end - start;
    if (length === 1) return this.node(0, start);
    if (aligned(start, end)) return this.node(Math.log2(length), start / length);
    const k = splitPoint(length);
    return nodeHash(this.rangeHash(start, start + k), this.rangeHash(start + k, end));
  };

  private node(level: number, idx: number): Hash {
    const hash = this.sql.node.get(level, idx);
    if (hash === undefined) throw new Error(`Merkle node ${level}/${idx} is missing`);
    return hash;
  }

  private check(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size())
      throw new RangeError(`The tree has ${this.size()} leaves, not ${size}`);
  }
}

/** Inclusion and consistency proofs to one tree size. */
export interface ProofsTo {
  inclusion(index: number): Hash[];
  consistency(from: number): Hash[];
}

/** Whether `[start, end)` is one complete subtree: a power-of-two run aligned on its length. */
function aligned(start: number, end: number): boolean {
  const length = end - start;
  return length > 0 && (length & (length - 1)) === 0 && start % length === 0;
}

/** One row per complete subtree: (level, index) → hash. */
export const MERKLE_NODES_SCHEMA = `
CREATE TABLE IF NOT EXISTS merkle_nodes (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  hash  BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
`;
