import type Database from 'better-sqlite3';
import { type Hash } from '../merkle.js';
import { type NoteSigner, signNote } from '../signed-note.js';
import { checkpointText } from './checkpoint.js';

/** A checkpoint as signed and kept: its note is what auditors are handed. */
export interface SignedCheckpoint {
  readonly treeSize: number;
  readonly root: Hash;
  /** The C2SP signed note: checkpoint body, blank line, signature line. */
  readonly note: string;
  readonly signedAt: string;
}

const CHECKPOINTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_checkpoints (
  tree_size INTEGER PRIMARY KEY,
  root      BLOB NOT NULL,
  note      TEXT NOT NULL,
  signed_at TEXT NOT NULL
);
`;

interface CheckpointRow {
  tree_size: number;
  root: Buffer;
  note: string;
  signed_at: string;
}

/**
 * The history of signed checkpoints, one per tree size, in the audit tree's database: every
 * checkpoint ever handed out can be handed out again (`?treeSize=`), so an auditor's old one
 * can always be matched with a consistency proof.
 */
export class CheckpointLog {
  private readonly sql;

  constructor(db: Database.Database) {
    db.exec(CHECKPOINTS_SCHEMA);
    this.sql = {
      latest: db.prepare<[], CheckpointRow>(
        'SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1',
      ),
      at: db.prepare<[number], CheckpointRow>(
        'SELECT * FROM audit_checkpoints WHERE tree_size = ?',
      ),
      add: db.prepare<[number, Buffer, string, string]>(
        `INSERT INTO audit_checkpoints (tree_size, root, note, signed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tree_size) DO NOTHING`,
      ),
      count: db.prepare<[], number>('SELECT COUNT(*) FROM audit_checkpoints').pluck(),
      after: db.prepare<[number, number], CheckpointRow>(
        'SELECT * FROM audit_checkpoints WHERE tree_size > ? ORDER BY tree_size LIMIT ?',
      ),
    };
  }

  /**
   * Signs the tree at `treeSize` with `root` and keeps it; a size already signed keeps its
   * first note (the root of a size never changes). Answers the checkpoint kept.
   */
  sign(
    origin: string,
    treeSize: number,
    root: Hash,
    signer: NoteSigner,
    now = new Date(),
  ): SignedCheckpoint {
    const note = signNote(checkpointText({ origin, treeSize, root }), signer);
    this.sql.add.run(treeSize, Buffer.from(root), note, now.toISOString());
    return this.at(treeSize)!;
  }

  latest(): SignedCheckpoint | undefined {
    const row = this.sql.latest.get();
    return row && checkpointOf(row);
  }

  at(treeSize: number): SignedCheckpoint | undefined {
    const row = this.sql.at.get(treeSize);
    return row && checkpointOf(row);
  }

  /**
   * The kept checkpoints of sizes above `treeSize` (-1: all), smallest first, a page of
   * `limit` at a time: the history can be long (one per interval while the log grows).
   */
  *inOrder(treeSize = -1, limit = 1000): Generator<SignedCheckpoint> {
    let after = treeSize;
    for (;;) {
      const rows = this.sql.after.all(after, limit);
      for (const row of rows) yield checkpointOf(row);
      if (rows.length < limit) return;
      after = Number(rows.at(-1)!.tree_size);
    }
  }

  count(): number {
    return this.sql.count.get() ?? 0;
  }
}

function checkpointOf(row: CheckpointRow): SignedCheckpoint {
  return {
    treeSize: Number(row.tree_size),
    root: new Uint8Array(row.root),
    note: row.note,
    signedAt: row.signed_at,
  };
}
