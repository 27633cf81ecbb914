import Database from 'better-sqlite3';
import { join } from 'node:path';
import { type SignedCheckpoint, CheckpointLog } from './checkpoints/checkpoint-log.js';
import type { NoteSigner } from './signed-note.js';
import { type AuditedRecord, AuditTree } from './tree/audit-tree.js';

/** The audit tree's own file in `DATA_DIR`, apart from the events and the read models. */
export const AUDIT_FILE = 'audit.db';

/**
 * One deployment's audit record: the tree over its events and the history of signed
 * checkpoints, in `DATA_DIR/audit.db`. The tree is derived from the log (a projection: delete
 * the file and it is built again, to the same roots); the checkpoints are what was handed out,
 * kept so that any of them can be shown again and proved consistent with the tree of today.
 */
export class AuditLedger {
  readonly tree: AuditTree;
  readonly checkpoints: CheckpointLog;
  private readonly db: Database.Database;

  constructor(
    file: string,
    readonly signer: NoteSigner,
  ) {
    this.db = new Database(file);
    // WAL, synchronous NORMAL: a crash may lose the last batches of the tree, never corrupt it,
    // and the follower appends them again from its checkpoint. Checkpoints are signed only of
    // a tree that is committed, and each is committed with FULL (`signCheckpoint`).
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.tree = new AuditTree(this.db);
    this.checkpoints = new CheckpointLog(this.db);
  }

  static inDataDir(dataDir: string, signer: NoteSigner): AuditLedger {
    return new AuditLedger(join(dataDir, AUDIT_FILE), signer);
  }

  /** The checkpoints' origin: the signing key's name. */
  get origin(): string {
    return this.signer.name;
  }

  /** Appends a batch of stored events (see `AuditTree.append`). */
  append(events: readonly AuditedRecord[]): bigint | undefined {
    return this.tree.append(events);
  }

  /**
   * Signs the tree as it is now when it has grown since the last signed checkpoint (or none is
   * signed yet); answers the latest checkpoint either way.
   */
  signCheckpoint(now = new Date()): SignedCheckpoint {
    const size = this.tree.size();
    const latest = this.checkpoints.latest();
    if (latest && latest.treeSize >= size) return latest;
    // A checkpoint may be handed out the moment it is signed: it (and the tree it covers, in
    // the same WAL) is on disk before that, or a crash could lose a root an auditor holds.
    this.db.pragma('synchronous = FULL');
    try {
      return this.checkpoints.sign(this.origin, size, this.tree.root(size), this.signer, now);
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** An audit.db opened read-only: what a verification reads, and nothing it could write. */
export interface AuditLedgerReader {
  readonly tree: AuditTree;
  readonly checkpoints: CheckpointLog;
  close(): void;
}

/**
 * The tree and checkpoints of an existing audit.db, read-only. Throws when the file lacks
 * them (not an audit tree, or one of an older layout).
 */
export function openAuditLedgerForReading(file: string): AuditLedgerReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { tree: new AuditTree(db), checkpoints: new CheckpointLog(db), close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
