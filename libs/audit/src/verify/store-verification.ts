import type { Checkpoint } from '../checkpoints/checkpoint.js';
import type { CheckpointLog, SignedCheckpoint } from '../checkpoints/checkpoint-log.js';
import type { StoredJson } from '@customer-workspace/event-store';
import { eventLeafHash } from '../event-bytes.js';
import { verifyConsistency } from '../merkle.js';
import { MerkleFrontier } from '../merkle-frontier.js';
import { type AuditedRecord, type AuditTree, LeafComparison } from '../tree/audit-tree.js';
import { base64, openCheckpointFor, sameHash } from './trusted-checkpoint.js';
import { Verdict } from './verdict.js';

export interface StoreVerificationOptions {
  /**
   * The events exactly as stored, in global order (all of them: from the first); read with
   * their stored text (`storedJson`) where the store has it, which spares parsing and
   * canonicalising each one.
   */
  readonly events: AsyncIterable<AuditedRecord & { readonly storedJson?: StoredJson }>;
  readonly tree: AuditTree;
  readonly checkpoints: CheckpointLog;
  /** The key every checkpoint must be signed by (a C2SP verifier key). */
  readonly verifierKey: string;
  /** An auditor's signed checkpoint the log must extend. */
  readonly trustedCheckpoint?: string;
  /** Called every `progressEvery` events and at the end. */
  readonly onProgress?: (events: number, position: bigint) => void;
  readonly progressEvery?: number;
}

export interface StoreVerification {
  readonly verdict: Verdict;
  /** Events read from the store. */
  readonly events: number;
  /** Leaves compared (the tree's size when the pass started). */
  readonly treeSize: number;
  /** The latest signed checkpoint the pass checked. */
  readonly latest?: Checkpoint;
  readonly checkpointsChecked: number;
  readonly trusted?: Checkpoint;
}

/**
 * The whole log against its audit tree and signed checkpoints, in one pass over the events as
 * stored: each event's leaf hash (RFC 8785 bytes) is recomputed and compared with the tree's
 * leaf at its index (`LeafComparison`: the first edited, deleted, inserted or moved event); the
 * roots are recomputed from the events alone (`MerkleFrontier`) at the size of every kept
 * checkpoint and of the auditor's one, and compared with what was signed; and each kept
 * checkpoint's note must verify, match the stored tree's root at its size and be consistent
 * with the latest. A tree rewritten to match rewritten events still fails on the signed roots.
 */
export async function verifyStore(options: StoreVerificationOptions): Promise<StoreVerification> {
  const verdict = new Verdict();
  const { tree, verifierKey } = options;
  const trusted =
    options.trustedCheckpoint === undefined
      ? undefined
      : openCheckpointFor(
          verdict,
          'The trusted checkpoint',
          options.trustedCheckpoint,
          verifierKey,
        );
  const latestKept = options.checkpoints.latest();
  const latest = latestKept && keptCheckpoint(verdict, latestKept, verifierKey);
  if (!latestKept) verdict.unverifiable('No checkpoint of the audit tree is signed yet');
  if (trusted && latest && trusted.origin !== latest.origin)
    verdict.tampered(
      `The trusted checkpoint is of log "${trusted.origin}", not "${latest.origin}"`,
    );

  const pass = new Pass(verdict, tree, latest);
  const pending = options.checkpoints.inOrder()[Symbol.iterator]();
  let next = pending.next();
  const every = options.progressEvery ?? 1000;
  // Roots at sizes of interest are compared as the frontier reaches them (0 before any event).
  const atSize = (): void => {
    while (!next.done && next.value.treeSize <= pass.frontier.size) {
      if (latestKept && next.value.treeSize <= latestKept.treeSize) {
        const checkpoint = keptCheckpoint(verdict, next.value, verifierKey);
        if (checkpoint) pass.checkKept(checkpoint);
      }
      next = pending.next();
    }
    if (trusted?.treeSize === pass.frontier.size) pass.checkTrusted(trusted);
  };
  atSize();
  let position = 0n;
  for await (const event of options.events) {
    pass.add(event);
    position = event.position;
    atSize();
    if (options.onProgress && pass.frontier.size % every === 0)
      options.onProgress(pass.frontier.size, position);
  }
  options.onProgress?.(pass.frontier.size, position);
  // A checkpoint signed after the pass began (a running api) is not this pass's to check.
  const unreached =
    !next.done && latestKept && next.value.treeSize <= latestKept.treeSize ? next.value : undefined;
  pass.end(trusted, unreached);
  return {
    verdict,
    events: pass.frontier.size,
    treeSize: pass.comparison.size,
    ...(latest && { latest }),
    checkpointsChecked: pass.checkpointsChecked,
    ...(trusted && { trusted }),
  };
}

/** A kept checkpoint's note opened and matched with its row (a row edited apart is tampering). */
function keptCheckpoint(
  verdict: Verdict,
  kept: SignedCheckpoint,
  verifierKey: string,
): Checkpoint | undefined {
  const what = `The checkpoint of size ${kept.treeSize} kept in the audit tree`;
  const checkpoint = openCheckpointFor(verdict, what, kept.note, verifierKey, {
    malformed: 'tampered',
  });
  if (
    checkpoint &&
    (checkpoint.treeSize !== kept.treeSize || !sameHash(checkpoint.root, kept.root))
  )
    verdict.tampered(`${what} does not state the size and root it is kept with`);
  return checkpoint;
}

/** The state of one pass: the leaves compared so far and the roots recomputed. */
class Pass {
  readonly frontier = new MerkleFrontier();
  readonly comparison: LeafComparison;
  checkpointsChecked = 0;
  private mismatched = false;
  /** The last size whose recomputed root a signed checkpoint confirmed, and the next position. */
  private confirmedSize = 0;
  private positionAfterConfirmed?: bigint;
  private lastPosition?: bigint;

  constructor(
    private readonly verdict: Verdict,
    private readonly tree: AuditTree,
    private readonly latest: Checkpoint | undefined,
  ) {
    this.comparison = new LeafComparison(tree);
  }

  add(event: AuditedRecord & { readonly storedJson?: StoredJson }): void {
    if (this.frontier.size === this.confirmedSize) this.positionAfterConfirmed = event.position;
    this.lastPosition = event.position;
    // After the first difference the rest is shifted: one finding says it.
    if (this.mismatched || this.comparison.done) {
      this.frontier.append(eventLeafHash(event));
      return;
    }
    const leafIndex = this.comparison.compared;
    const position = this.comparison.verifyNext(event);
    if (position === undefined) {
      // The event hashes to the tree's leaf: that leaf is its hash.
      this.frontier.append(this.comparison.leafHash(leafIndex));
      return;
    }
    this.mismatched = true;
    this.verdict.tampered(
      `The log differs from the audit tree at leaf ${leafIndex}: the event there was ` +
        `edited, deleted, inserted or moved`,
      { position, leafIndex },
    );
    this.frontier.append(eventLeafHash(event));
  }

  /** A kept checkpoint: the events give its root, the stored tree too, and the latest extends it. */
  checkKept(checkpoint: Checkpoint): void {
    this.checkpointsChecked++;
    const { treeSize, root } = checkpoint;
    const inTree = treeSize <= this.comparison.size;
    const treeSigned = inTree && sameHash(this.tree.root(treeSize), root);
    if (this.matchesEvents(checkpoint, `the checkpoint of size ${treeSize}`, treeSigned))
      this.confirmedSize = treeSize;
    if (!inTree) {
      this.verdict.tampered(`The checkpoint of size ${treeSize} is beyond the audit tree's size`);
      return;
    }
    if (!treeSigned)
      this.verdict.tampered(`The audit tree's root at size ${treeSize} is not the one signed`);
    const latest = this.latest;
    if (latest && latest.treeSize <= this.comparison.size) {
      const proof = this.tree.consistencyProof(treeSize, latest.treeSize);
      if (!verifyConsistency(treeSize, latest.treeSize, root, latest.root, proof))
        this.verdict.tampered(
          `The checkpoint of size ${treeSize} is not consistent with the latest (size ` +
            `${latest.treeSize}) in the audit tree`,
        );
    }
  }

  checkTrusted(trusted: Checkpoint): void {
    const { treeSize, root } = trusted;
    const treeSigned = treeSize <= this.comparison.size && sameHash(this.tree.root(treeSize), root);
    this.matchesEvents(trusted, 'the trusted checkpoint', treeSigned);
  }

  /** After the last event: leaves or signed sizes left without their events. */
  end(trusted: Checkpoint | undefined, unreached: SignedCheckpoint | undefined): void {
    const deleted = this.comparison.end();
    if (!this.mismatched && deleted !== undefined)
      this.verdict.tampered(
        `The audit tree holds leaf ${this.comparison.compared} but the log has no event for it`,
        { position: deleted, leafIndex: this.comparison.compared },
      );
    const events = this.frontier.size;
    for (const [checkpoint, what] of [
      [unreached, 'A signed checkpoint'],
      [trusted, 'The trusted checkpoint'],
    ] as const) {
      if (checkpoint && checkpoint.treeSize > events)
        this.verdict.tampered(
          `${what} covers ${checkpoint.treeSize} events; the store holds ${events}`,
          this.rangeStart(),
        );
    }
  }

  /**
   * The root recomputed from the events at the checkpoint's size is the one it states. When
   * not, but the tree's root is, the events differ from an honest tree: the leaf comparison
   * already named where, and another finding would say nothing more.
   */
  private matchesEvents(checkpoint: Checkpoint, what: string, treeSigned: boolean): boolean {
    if (sameHash(this.frontier.root(), checkpoint.root)) return true;
    if (this.mismatched && treeSigned) return false;
    const since =
      this.confirmedSize === 0
        ? 'from the first event on'
        : `after leaf ${this.confirmedSize - 1} (the last size a signed root confirms)`;
    this.verdict.tampered(
      `The events up to leaf ${checkpoint.treeSize - 1} do not give the root of ${what} ` +
        `(${base64(checkpoint.root)}): the log changed ${since}, between positions ` +
        `${this.positionAfterConfirmed ?? '?'} and ${this.lastPosition ?? '?'}`,
      this.rangeStart(),
    );
    return false;
  }

  private rangeStart(): { from?: bigint; leafIndex: number } {
    return {
      leafIndex: this.confirmedSize,
      ...(this.positionAfterConfirmed !== undefined && { from: this.positionAfterConfirmed }),
    };
  }
}
