import { createHash } from 'node:crypto';
import { leafHash, rootOf } from './merkle.js';
import { MerkleFrontier } from './merkle-frontier.js';

/** An independent RFC 6962 tree hash (section 2.1), straight from its recursive definition. */
function mth(entries: readonly Buffer[]): Buffer {
  const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  if (entries.length === 0) return sha();
  if (entries.length === 1) return sha(Buffer.of(0), entries[0]!);
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  return sha(Buffer.of(1), mth(entries.slice(0, k)), mth(entries.slice(k)));
}

describe('MerkleFrontier', () => {
  it('gives the RFC 6962 root at every size, as the tree and an independent hasher do', () => {
    const entries = Array.from({ length: 70 }, (_, i) => Buffer.from(`event ${i}`));
    const frontier = new MerkleFrontier();
    const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');
    expect(hex(frontier.root())).toBe(mth([]).toString('hex'));
    for (let size = 1; size <= entries.length; size++) {
      frontier.append(leafHash(entries[size - 1]!));
      expect(frontier.size).toBe(size);
      expect(hex(frontier.root())).toBe(mth(entries.slice(0, size)).toString('hex'));
      expect(hex(frontier.root())).toBe(hex(rootOf(entries.slice(0, size).map(leafHash))));
    }
  });

  it('gives another root when one leaf differs', () => {
    const build = (edited: number) => {
      const frontier = new MerkleFrontier();
      for (let i = 0; i < 13; i++)
        frontier.append(leafHash(Buffer.from(i === edited ? 'x' : `${i}`)));
      return Buffer.from(frontier.root()).toString('hex');
    };
    const roots = new Set(Array.from({ length: 14 }, (_, edited) => build(edited)));
    expect(roots.size).toBe(14);
  });
});
