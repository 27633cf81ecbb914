import { EMPTY_ROOT, type Hash, nodeHash } from './merkle.js';

/**
 * The right edge of an RFC 6962 tree being built leaf by leaf (a "compact range" from the
 * start): one hash per complete subtree of the binary decomposition of its size, so memory is
 * O(log n) and the root of the tree so far is a fold of at most log n hashes. A verifier
 * recomputes roots from the events themselves with it, in one pass and without trusting any
 * stored node.
 */
export class MerkleFrontier {
  /** The complete subtrees, largest (leftmost) first; `heights[i]` is that of `hashes[i]`. */
  private readonly hashes: Hash[] = [];
  private readonly heights: number[] = [];
  private count = 0;

  /** Leaves appended so far. */
  get size(): number {
    return this.count;
  }

  append(leaf: Hash): void {
    let hash = leaf;
    let height = 0;
    // Two complete subtrees of one height merge into one a level up, as the tree's nodes do.
    while (this.heights.length > 0 && this.heights.at(-1) === height) {
      hash = nodeHash(this.hashes.pop()!, hash);
      this.heights.pop();
      height++;
    }
    this.hashes.push(hash);
    this.heights.push(height);
    this.count++;
  }

  /** MTH of the leaves so far: the subtrees folded from the right. */
  root(): Hash {
    if (this.hashes.length === 0) return EMPTY_ROOT;
    let root = this.hashes.at(-1)!;
    for (let i = this.hashes.length - 2; i >= 0; i--) root = nodeHash(this.hashes[i]!, root);
    return root;
  }
}
