import type Database from 'better-sqlite3';
import type { StoredJson } from '@customer-workspace/event-store';
import { type AuditedEvent, eventLeafHash, storedEventLeafHex } from '../event-bytes.js';
import type { Hash } from '../merkle.js';
import { MerkleNodeStore, type ProofsTo } from './merkle-node-store.js';

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
      leavesFrom: wide(
        db.prepare<[number, number], LeafRow>(
          'SELECT * FROM audit_leaves WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?',
        ),
      ),
      // A page of leaves as one row: their positions as decimal text, their hashes as one hex
      // string; a pass over millions of leaves makes no object per leaf.
      page: db
        .prepare<[number, number], [number | null, number, string | null, string | null]>(
          `SELECT min(leaf_index), count(*), group_concat(position), group_concat(lower(hex(leaf_hash)), '')
           FROM (SELECT leaf_index, position, leaf_hash FROM audit_leaves
                 WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?)`,
        )
        .raw(true),
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
          const hash = eventLeafHash(event);
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

  /** Up to `limit` leaves from `leafIndex` on, in order: a pass over the tree a page at a time. */
  leaves(leafIndex: number, limit: number): AuditLeaf[] {
    return this.sql.leavesFrom.all(leafIndex, limit).map(leafOf);
  }

  /**
   * The `limit` leaves from `leafIndex` on, in bulk: their positions and their hashes one
   * after the other (32 bytes each). Throws when one is missing.
   */
  leafPage(leafIndex: number, limit: number): LeafPage {
    const [first, count, positions, hashes] = this.sql.page.get(leafIndex, limit)!;
    if (count !== limit || first !== leafIndex)
      throw new Error(`Audit leaves ${leafIndex} to ${leafIndex + limit - 1} are not all there`);
    return {
      positions: positions === null ? [] : positions.split(',').map(BigInt),
      hashes: Buffer.from(hashes ?? '', 'hex'),
      hex: hashes ?? '',
    };
  }

  inclusionProof(leafIndex: number, size = this.size()): Hash[] {
    return this.nodes.inclusionProof(leafIndex, size);
  }

  consistencyProof(from: number, to = this.size()): Hash[] {
    return this.nodes.consistencyProof(from, to);
  }

  /** Many proofs to one size (see `MerkleNodeStore.proofsTo`). */
  proofsTo(size: number): ProofsTo {
    return this.nodes.proofsTo(size);
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
  const comparison = new LeafComparison(tree);
  for (const event of events) {
    if (comparison.done) break;
    const tampered = comparison.next(event);
    if (tampered !== undefined) return tampered;
  }
  return comparison.end();
}

/**
 * The log compared with the tree one event at a time, in global order (`firstTamperedPosition`
 * over a stream): the leaves are read a page at a time, so a pass over millions of events is
 * one query per page. It compares the tree as it was when it started; leaves appended since
 * (a running follower) are left for the next pass.
 */
export class LeafComparison {
  /** The tree's size when the comparison started: the leaves it compares. */
  readonly size: number;
  private index = 0;
  private page: LeafPage = { positions: [], hashes: Buffer.alloc(0), hex: '' };
  private pageStart = 0;

  constructor(
    private readonly tree: AuditTree,
    private readonly pageSize = 1000,
  ) {
    this.size = tree.size();
  }

  /** Events compared so far. */
  get compared(): number {
    return this.index;
  }

  /** Every leaf has been compared: later events are not in the tree yet. */
  get done(): boolean {
    return this.index >= this.size;
  }

  /**
   * Compares the next event of the log (its leaf hash given when already computed) with the
   * leaf at its index: the first tampered position when they differ (the smaller of the two
   * positions: an event deleted shows as the next one in its place), else undefined.
   */
  next(event: AuditedRecord, hash: Hash = eventLeafHash(event)): bigint | undefined {
    if (this.done) throw new RangeError(`The tree holds ${this.size} leaves, no more`);
    const position = this.positionAt(this.index);
    const same = position === event.position && this.holdsAt(this.index, hash);
    this.index++;
    if (same) return undefined;
    return position < event.position ? position : event.position;
  }

  /**
   * `next` for an event as the verifier reads it, its leaf recomputed here: its stored text
   * hashed as it is, compared in hex with the page (no buffer per event), when that gives the
   * next leaf; else the parsed event's RFC 8785 bytes (`eventLeafHash`), as `next` compares.
   */
  verifyNext(event: AuditedRecord & { readonly storedJson?: StoredJson }): bigint | undefined {
    if (this.done) throw new RangeError(`The tree holds ${this.size} leaves, no more`);
    const fast = storedEventLeafHex(event);
    if (fast !== undefined && this.positionAt(this.index) === event.position) {
      const at = (this.index - this.pageStart) * 64;
      if (this.page.hex.startsWith(fast, at)) {
        this.index++;
        return undefined;
      }
    }
    return this.next(event, eventLeafHash(event));
  }

  /** The hash of leaf `index`, one compared last (in the page at hand). */
  leafHash(index: number): Hash {
    const at = (index - this.pageStart) * 32;
    return this.pageHolding(index).hashes.subarray(at, at + 32);
  }

  /** After the last event: the position of the first leaf left without its event, if any. */
  end(): bigint | undefined {
    return this.done ? undefined : this.positionAt(this.index);
  }

  private positionAt(index: number): bigint {
    return this.pageHolding(index).positions[index - this.pageStart]!;
  }

  /** Whether the leaf at `index` is `hash` (compared in place: no slice per leaf). */
  private holdsAt(index: number, hash: Hash): boolean {
    const at = (index - this.pageStart) * 32;
    return this.pageHolding(index).hashes.compare(hash, 0, 32, at, at + 32) === 0;
  }

  private pageHolding(index: number): LeafPage {
    if (index - this.pageStart >= this.page.positions.length) {
      this.page = this.tree.leafPage(index, Math.min(this.pageSize, this.size - index));
      this.pageStart = index;
    }
    return this.page;
  }
}

/** Leaves in bulk: their positions, and their hashes one after the other (32 bytes each). */
export interface LeafPage {
  readonly positions: readonly bigint[];
  readonly hashes: Buffer;
  /** `hashes` in lower-case hex (64 characters a leaf). */
  readonly hex: string;
}
