import {
  type EventStore,
  PositionWaiters,
  RetryingFollower,
} from '@customer-workspace/event-store';
import type { AuditLedger } from './audit-ledger.js';

export interface AuditFollowerOptions {
  /** The events exactly as stored (no upcasting, personal fields as ciphertext). */
  readonly store: EventStore;
  readonly ledger: AuditLedger;
  /** At most one checkpoint per interval while the tree grows; 0: one after every batch. */
  readonly checkpointIntervalMs: number;
  readonly now?: () => Date;
  readonly onError?: (error: unknown, context: string) => void;
  /** Called after every batch the tree committed, with its checkpoint (a thread reports it). */
  readonly onAppended?: (checkpoint: bigint) => void;
}

/** Where the audit tree stands, for `/health`. */
export interface AuditFollowerStatus {
  readonly status: 'up' | 'failed';
  /** The position of the last event in the tree (decimal), or null before the first. */
  readonly position: string | null;
  readonly treeSize: number;
  /** The tree size of the latest signed checkpoint. */
  readonly checkpointTreeSize: number | null;
  readonly failure?: { readonly message: string; readonly since: string };
}

/** What keeps a ledger's tree growing, here (`AuditFollower`) or in a thread of its own. */
export interface AuditTreeKeeper {
  /** Starts keeping the tree; resolves once it is kept (the first checkpoint is signed). */
  start(): void | Promise<void>;
  stop(): Promise<void>;
  /** Read-your-writes: true once the tree holds everything up to `position` (false after the wait). */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  status(): AuditFollowerStatus;
}

/** The status of a ledger's tree, read from the ledger, with its keeper's failure if any. */
export function auditTreeStatus(
  ledger: AuditLedger,
  failure: AuditFollowerStatus['failure'],
): AuditFollowerStatus {
  const checkpoint = ledger.checkpoints.latest();
  return {
    status: failure ? 'failed' : 'up',
    position: ledger.tree.checkpoint()?.toString() ?? null,
    treeSize: ledger.tree.size(),
    checkpointTreeSize: checkpoint?.treeSize ?? null,
    ...(failure && { failure }),
  };
}

/**
 * Keeps the audit tree: follows `$all` as stored from the tree's checkpoint, appends each batch
 * with its checkpoint in one transaction (a crash never leaves a leaf twice or a gap), and signs
 * a checkpoint of the tree once per interval while it grows, and when it stops. A batch that
 * cannot be appended is retried from the checkpoint with a growing pause, never skipped.
 */
export class AuditFollower implements AuditTreeKeeper {
  private readonly follower: RetryingFollower;
  private readonly waiters = new PositionWaiters();
  private readonly now: () => Date;
  private stopping = false;
  private signTimer?: NodeJS.Timeout;
  private lastSigned = 0;

  constructor(private readonly options: AuditFollowerOptions) {
    this.follower = new RetryingFollower(options.store, {
      context: 'audit tree: appending from the log',
      ...(options.onError && { onError: options.onError }),
    });
    this.now = options.now ?? (() => new Date());
  }

  get ledger(): AuditLedger {
    return this.options.ledger;
  }

  start(): void {
    this.stopping = false;
    this.sign();
    this.follower.start(
      () => this.ledger.tree.checkpoint(),
      (batch) => {
        const checkpoint = this.ledger.append(batch);
        if (checkpoint !== undefined) {
          this.waiters.reached(checkpoint);
          this.options.onAppended?.(checkpoint);
        }
        this.scheduleSigning();
      },
    );
  }

  /** Stops following and signs the tree as it is; the ledger stays open (its owner closes it). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.signTimer);
    await this.follower.stop();
    this.waiters.abandonAll();
    this.sign();
  }

  /** Read-your-writes: true once the tree holds everything up to `position` (false after the wait). */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const checkpoint = this.ledger.tree.checkpoint();
    if (checkpoint !== undefined && checkpoint >= position) return true;
    return this.waiters.wait(position, timeoutMs);
  }

  status(): AuditFollowerStatus {
    return auditTreeStatus(this.ledger, this.follower.failure);
  }

  /** Signs now if the interval has passed since the last signature, else once it has. */
  private scheduleSigning(): void {
    if (this.signTimer) return;
    const wait = this.lastSigned + this.options.checkpointIntervalMs - Date.now();
    if (wait <= 0) {
      this.sign();
      return;
    }
    this.signTimer = setTimeout(() => {
      this.signTimer = undefined;
      if (!this.stopping) this.sign();
    }, wait);
    this.signTimer.unref();
  }

  private sign(): void {
    try {
      this.ledger.signCheckpoint(this.now());
      this.lastSigned = Date.now();
    } catch (error) {
      this.options.onError?.(error, 'audit tree: signing a checkpoint');
    }
  }
}
