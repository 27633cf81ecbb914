import type Database from 'better-sqlite3';
import { type AuditedEvent, canonicalEventBytes } from '../event-bytes.js';
import { type Hash, leafHash } from '../merkle.js';
import { MerkleNodeStore } from './merkle-node-store.js';

/** A stored event as the tree receives it: what it hashes, and its global position. */
export interface AuditedRecord extends AuditedEvent {
  readonly position: bigint;
}

/** Where an event stands in the tree. */
export interface AuditLeaf {
  readonly leafIndex: number;
  readonly position: bigint;
  readonly eventId: string;
  readonly leafHash: Hash;
}

const AUDIT_TREE_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_leaves (
  leaf_index INTEGER PRIMARY KEY,
  position   INTEGER NOT NULL UNIQUE,
  event_id   TEXT NOT NULL,
  leaf_hash  BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

interface LeafRow {
  leaf_index: bigint;
  position: bigint;
  event_id: string;
  leaf_hash: Buffer;
}

/**
 * The audit tree over a deployment's events in global order: one leaf per event, the hash of
 * its RFC 8785 bytes, appended by a follower of the log in one transaction with its checkpoint
 * (the nodes too), so the tree is always exactly the log up to its checkpoint. Positions are
 * sparse on EventStoreDB, so each leaf keeps the position of its event. Rebuilding from the
 * same events gives the same leaves, the same nodes and the same roots.
 */
export class AuditTree {
  private readonly nodes: MerkleNodeStore;
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    db.exec(AUDIT_TREE_SCHEMA);
    this.nodes = new MerkleNodeStore(db);
    const wide = <T>(statement: T): T => {
      (statement as unknown as Database.Statement).safeIntegers(true);
      return statement;
    };
    this.sql = {
      checkpoint: db
        .prepare<[], string>(`SELECT value FROM audit_meta WHERE name = 'checkpoint'`)
        .pluck(),
      saveCheckpoint: db.prepare<[string]>(
        `INSERT INTO audit_meta (name, value) VALUES ('checkpoint', ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      ),
      addLeaf: db.prepare<[number, bigint, string, Buffer]>(
        'INSERT INTO audit_leaves (leaf_index, position, event_id, leaf_hash) VALUES (?, ?, ?, ?)',
      ),
      leafAt: wide(db.prepare<[bigint], LeafRow>('SELECT * FROM audit_leaves WHERE position = ?')),
      leafByIndex: wide(
        db.prepare<[number], LeafRow>('SELECT * FROM audit_leaves WHERE leaf_index = ?'),
      ),
    };
  }

  /** The position of the last event in the tree (undefined: none yet). */
  checkpoint(): bigint | undefined {
    const value = this.sql.checkpoint.get();
    return value === undefined ? undefined : BigInt(value);
  }

  /**
   * Appends the events after the checkpoint, in order, with the new checkpoint, in one
   * transaction; events at or before it are skipped (a batch handed over twice). Returns the
   * checkpoint after the batch.
   */
  append(events: readonly AuditedRecord[]): bigint | undefined {
    return this.db
      .transaction(() => {
        const checkpoint = this.checkpoint();
        let last = checkpoint;
        let index = this.nodes.size();
        for (const event of events) {
          if (last !== undefined && event.position <= last) continue;
          const hash = leafHash(canonicalEventBytes(event));
          this.nodes.append(hash, index);
          this.sql.addLeaf.run(index, event.position, event.eventId, Buffer.from(hash));
          index++;
          last = event.position;
        }
        if (last !== undefined && last !== checkpoint) this.sql.saveCheckpoint.run(last.toString());
        return last;
      })
      .immediate();
  }

  size(): number {
    return this.nodes.size();
  }

  root(size = this.size()): Hash {
    return this.nodes.root(size);
  }

  /** The leaf of the event at `position`, or undefined when the tree holds none there. */
  leafAt(position: bigint): AuditLeaf | undefined {
    const row = this.sql.leafAt.get(position);
    return row && leafOf(row);
  }

  leaf(leafIndex: number): AuditLeaf | undefined {
    const row = this.sql.leafByIndex.get(leafIndex);
    return row && leafOf(row);
  }

  inclusionProof(leafIndex: number, size = this.size()): Hash[] {
    return this.nodes.inclusionProof(leafIndex, size);
  }

  consistencyProof(from: number, to = this.size()): Hash[] {
    return this.nodes.consistencyProof(from, to);
  }
}

function leafOf(row: LeafRow): AuditLeaf {
  return {
    leafIndex: Number(row.leaf_index),
    position: row.position,
    eventId: row.event_id,
    leafHash: new Uint8Array(row.leaf_hash),
  };
}

/**
 * Compares the log as it is now with the tree: the position of the first event whose leaf is
 * not the one the tree holds at its index (edited, deleted, inserted or moved), or undefined
 * when every event up to the tree's size matches and none is missing.
 */
export function firstTamperedPosition(
  tree: AuditTree,
  events: Iterable<AuditedRecord>,
): bigint | undefined {
  let index = 0;
  for (const event of events) {
    if (index >= tree.size()) return undefined;
    const leaf = tree.leaf(index)!;
    const hash = leafHash(canonicalEventBytes(event));
    if (leaf.position !== event.position || !sameHash(leaf.leafHash, hash))
      return leaf.position < event.position ? leaf.position : event.position;
    index++;
  }
  return index < tree.size() ? tree.leaf(index)!.position : undefined;
}

function sameHash(a: Hash, b: Hash): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
