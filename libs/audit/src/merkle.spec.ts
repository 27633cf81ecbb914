import { createHash } from 'node:crypto';
import {
  consistencyProof,
  EMPTY_ROOT,
  type Hash,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const hex = (hash: Hash) => Buffer.from(hash).toString('hex');
const unhex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

// The RFC 6962 test vectors of the Certificate Transparency projects (transparency-dev/merkle,
// testonly/constants.go): the leaf inputs, the root of every tree size 0..8, the complete
// subtrees' hashes, and proofs published with them. Data only.
const INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Complete subtrees by level (0: the leaves), as published. */
const NODES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const n = (level: number, index: number) => NODES[level]![index]!;
const LEAVES = INPUTS.map(leafHash);

/** A second reading of RFC 9162 2.1.1, as literally as it is written: MTH by recursion. */
function referenceRoot(d: readonly Uint8Array[]): Hash {
  const sha = (...parts: Uint8Array[]) => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return hash.digest();
  };
  if (d.length === 0) return sha();
  if (d.length === 1) return sha(Uint8Array.of(0), d[0]!);
  let k = 1;
  while (k << 1 < d.length) k <<= 1;
  return sha(Uint8Array.of(1), referenceRoot(d.slice(0, k)), referenceRoot(d.slice(k)));
}

describe('the RFC 6962 Merkle tree', () => {
  it('gives the published root of every tree size 0..8', () => {
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    for (let size = 0; size <= INPUTS.length; size++)
      expect(hex(rootOf(LEAVES.slice(0, size)))).toBe(ROOTS[size]);
  });

  it('hashes leaves and nodes with their prefixes, as published', () => {
    expect(LEAVES.map(hex)).toEqual(NODES[0]);
    expect(hex(nodeHash(LEAVES[0]!, LEAVES[1]!))).toBe(n(1, 0));
    expect(hex(nodeHash(unhex(n(1, 2)), unhex(n(1, 3))))).toBe(n(2, 1));
  });

  it('splits at the largest power of two below the size, not at the middle', () => {
    expect([2, 3, 4, 5, 6, 7, 8, 9, 1000].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 4, 4, 8, 512]);
  });

  it('agrees with a literal reading of the RFC for every size up to 70', () => {
    const inputs = Array.from({ length: 70 }, (_, i) => Uint8Array.of(i, i * 3, 255 - i));
    const leaves = inputs.map(leafHash);
    for (let size = 0; size <= inputs.length; size++)
      expect(hex(rootOf(leaves.slice(0, size)))).toBe(hex(referenceRoot(inputs.slice(0, size))));
  });

  it('makes the published inclusion proofs', () => {
    const cases: [number, number, string[]][] = [
      [0, 1, []],
      [0, 8, [n(0, 1), n(1, 1), n(2, 1)]],
      [5, 8, [n(0, 4), n(1, 3), n(2, 0)]],
      [2, 3, [n(1, 0)]],
      [1, 5, [n(0, 0), n(1, 1), n(0, 4)]],
    ];
    for (const [index, size, proof] of cases) {
      expect(inclusionProof(LEAVES, index, size).map(hex)).toEqual(proof);
      expect(
        verifyInclusion(LEAVES[index]!, index, size, proof.map(unhex), unhex(ROOTS[size]!)),
      ).toBe(true);
    }
  });

  it('makes the published consistency proofs', () => {
    const cases: [number, number, string[]][] = [
      [1, 1, []],
      [1, 8, [n(0, 1), n(1, 1), n(2, 1)]],
      [6, 8, [n(1, 2), n(1, 3), n(2, 0)]],
      [2, 5, [n(1, 1), n(0, 4)]],
      [2, 8, [n(1, 1), n(2, 1)]],
    ];
    for (const [from, to, proof] of cases) {
      expect(consistencyProof(LEAVES, from, to).map(hex)).toEqual(proof);
      const [fromRoot, toRoot] = [unhex(ROOTS[from]!), unhex(ROOTS[to]!)];
      expect(verifyConsistency(from, to, fromRoot, toRoot, proof.map(unhex))).toBe(true);
    }
  });

  const many = Array.from({ length: 33 }, (_, i) => leafHash(Uint8Array.of(i, 7 * i)));

  it('verifies every inclusion proof of every tree up to 33 leaves, and nothing altered', () => {
    for (let size = 1; size <= many.length; size++) {
      const root = rootOf(many.slice(0, size));
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(many, index, size);
        expect(verifyInclusion(many[index]!, index, size, proof, root)).toBe(true);
        if (size > 1) {
          const other = (index + 1) % size;
          expect(verifyInclusion(many[other]!, index, size, proof, root)).toBe(false);
          expect(verifyInclusion(many[index]!, other, size, proof, root)).toBe(false);
        }
        for (let p = 0; p < proof.length; p++) {
          const bent = proof.map((hash, i) => (i === p ? flipped(hash) : hash));
          expect(verifyInclusion(many[index]!, index, size, bent, root)).toBe(false);
        }
        expect(verifyInclusion(many[index]!, index, size, [...proof, root], root)).toBe(false);
      }
    }
  });

  it('verifies every consistency proof between trees up to 33 leaves, and nothing altered', () => {
    for (let to = 1; to <= many.length; to++) {
      const toRoot = rootOf(many.slice(0, to));
      for (let from = 1; from <= to; from++) {
        const fromRoot = rootOf(many.slice(0, from));
        const proof = consistencyProof(many, from, to);
        expect(verifyConsistency(from, to, fromRoot, toRoot, proof)).toBe(true);
        if (from < to) {
          // Another history: the first leaf rewritten.
          const forged = rootOf([flipped(many[0]!), ...many.slice(1, from)]);
          expect(verifyConsistency(from, to, forged, toRoot, proof)).toBe(false);
          for (let p = 0; p < proof.length; p++) {
            const bent = proof.map((hash, i) => (i === p ? flipped(hash) : hash));
            expect(verifyConsistency(from, to, fromRoot, toRoot, bent)).toBe(false);
          }
        }
      }
    }
  });

  it('refuses indexes and sizes outside the tree', () => {
    expect(() => inclusionProof(LEAVES, 8, 8)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, 0, 9)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 5, 4)).toThrow(RangeError);
    expect(verifyInclusion(LEAVES[0]!, 1, 1, [], LEAVES[0]!)).toBe(false);
    expect(verifyConsistency(3, 2, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(false);
  });
});

function flipped(hash: Hash): Hash {
  const copy = new Uint8Array(hash);
  copy[0] = copy[0]! ^ 0x01;
  return copy;
}
