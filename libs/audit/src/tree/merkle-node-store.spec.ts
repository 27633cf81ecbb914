import Database from 'better-sqlite3';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from '../merkle.js';
import { MerkleNodeStore } from './merkle-node-store.js';

const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');

describe('MerkleNodeStore', () => {
  const leaves = Array.from({ length: 45 }, (_, i) => leafHash(Uint8Array.of(i, 255 - i)));
  let db: Database.Database;
  let store: MerkleNodeStore;
  beforeEach(() => {
    db = new Database(':memory:');
    store = new MerkleNodeStore(db);
    for (const leaf of leaves) store.append(leaf);
  });
  afterEach(() => db.close());

  it('keeps every leaf and answers the root of every past size as the tree in memory does', () => {
    expect(store.size()).toBe(leaves.length);
    for (let size = 0; size <= leaves.length; size++)
      expect(hex(store.root(size))).toBe(hex(rootOf(leaves.slice(0, size))));
    expect(hex(store.leaf(17))).toBe(hex(leaves[17]!));
  });

  it('stores only complete subtrees: 2n - popcount(n) nodes for n leaves', () => {
    const count = db.prepare('SELECT COUNT(*) FROM merkle_nodes').pluck().get();
    const ones = leaves.length.toString(2).replaceAll('0', '').length;
    expect(count).toBe(2 * leaves.length - ones);
  });

  it('makes the same inclusion and consistency proofs as the tree in memory, for every size', () => {
    for (let size = 1; size <= leaves.length; size++) {
      const root = store.root(size);
      for (let index = 0; index < size; index++) {
        const proof = store.inclusionProof(index, size);
        expect(proof.map(hex)).toEqual(inclusionProof(leaves, index, size).map(hex));
        expect(verifyInclusion(leaves[index]!, index, size, proof, root)).toBe(true);
      }
      for (let from = 0; from <= size; from++) {
        const proof = store.consistencyProof(from, size);
        expect(proof.map(hex)).toEqual(consistencyProof(leaves, from, size).map(hex));
        if (from > 0)
          expect(verifyConsistency(from, size, store.root(from), root, proof)).toBe(true);
      }
    }
  });

  it('makes the same proofs to one size many at a time, the right edge combined once', () => {
    for (const size of [1, 2, 7, 16, 33, 45]) {
      const proofs = store.proofsTo(size);
      for (let index = 0; index < size; index++)
        expect(proofs.inclusion(index).map(hex)).toEqual(
          inclusionProof(leaves, index, size).map(hex),
        );
      for (let from = 0; from <= size; from++)
        expect(proofs.consistency(from).map(hex)).toEqual(
          consistencyProof(leaves, from, size).map(hex),
        );
    }
  });

  it('refuses a size it does not have, and a leaf appended twice at one index', () => {
    expect(() => store.root(leaves.length + 1)).toThrow(RangeError);
    expect(() => store.append(leaves[0]!, 3)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
