import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { AuditFollower } from './audit-follower.js';
import type Database from 'better-sqlite3';
import { AuditLedger } from './audit-ledger.js';
import { CheckpointLog } from './checkpoints/checkpoint-log.js';
import { parseCheckpointText } from './checkpoints/checkpoint.js';
import { canonicalEventBytes } from './event-bytes.js';
import { leafHash, rootOf, verifyConsistency, verifyInclusion } from './merkle.js';
import { newNoteKey, noteSigner, openNote } from './signed-note.js';

describe('AuditLedger and AuditFollower', () => {
  let dir: string;
  let store: SqliteEventStore;
  const key = newNoteKey('test.example/audit');
  const signer = noteSigner(key.privateKey);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-audit-'));
    store = new SqliteEventStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (n: number) =>
    store.append(
      `customer-${n}`,
      [
        {
          eventId: crypto.randomUUID(),
          type: 'TagCreated',
          data: { n, name: `tag ${n}` },
          metadata: testMetadata(),
        },
      ],
      { expectedRevision: 'any' },
    );

  const stored = async () => {
    const events = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  };

  it('follows the log into the tree, signs checkpoints as it grows, and proves them', async () => {
    const ledger = AuditLedger.inDataDir(dir, signer);
    const follower = new AuditFollower({ store, ledger, checkpointIntervalMs: 0 });
    follower.start();
    try {
      await Promise.all([0, 1, 2].map(append));
      expect(await follower.waitFor((await stored()).at(-1)!.position, 5000)).toBe(true);
      expect(ledger.tree.size()).toBe(3);
      await Promise.all([3, 4, 5].map(append));
      expect(await follower.waitFor((await stored()).at(-1)!.position, 5000)).toBe(true);
      const events = await stored();
      const leaves = events.map((event) => leafHash(canonicalEventBytes(event)));
      expect(ledger.tree.size()).toBe(6);
      expect(ledger.tree.root()).toEqual(rootOf(leaves));

      const latest = ledger.checkpoints.latest()!;
      expect(latest.treeSize).toBe(6);
      const body = parseCheckpointText(openNote(latest.note, key.verifierKey));
      expect(body).toEqual({ origin: 'test.example/audit', treeSize: 6, root: rootOf(leaves) });

      // Every size it signed stays signed, and each is consistent with today's tree.
      const first = ledger.checkpoints.at(3)!;
      expect(
        verifyConsistency(
          first.treeSize,
          6,
          first.root,
          latest.root,
          ledger.tree.consistencyProof(first.treeSize, 6),
        ),
      ).toBe(true);
      const leaf = ledger.tree.leafAt(events[3]!.position)!;
      expect(leaf.leafIndex).toBe(3);
      expect(
        verifyInclusion(leaf.leafHash, 3, 6, ledger.tree.inclusionProof(3, 6), latest.root),
      ).toBe(true);
      expect(follower.status()).toMatchObject({ status: 'up', treeSize: 6, checkpointTreeSize: 6 });
    } finally {
      await follower.stop();
      ledger.close();
    }
  });

  it('picks up where it stopped, and a tree built again from the log has the same roots', async () => {
    for (let n = 0; n < 3; n++) await append(n);
    const ledger = AuditLedger.inDataDir(dir, signer);
    const first = new AuditFollower({ store, ledger, checkpointIntervalMs: 0 });
    first.start();
    expect(await first.waitFor((await append(3)).position, 5000)).toBe(true);
    await first.stop();
    const rootAt4 = ledger.tree.root();
    for (let n = 4; n < 9; n++) await append(n);
    const second = new AuditFollower({ store, ledger, checkpointIntervalMs: 0 });
    second.start();
    expect(await second.waitFor((await append(9)).position, 5000)).toBe(true);
    await second.stop();
    expect(ledger.tree.size()).toBe(10);

    const again = new AuditLedger(join(dir, 'again.db'), signer);
    again.append(await stored());
    expect(again.tree.root()).toEqual(ledger.tree.root());
    expect(again.tree.root(4)).toEqual(rootAt4);
    again.close();
    ledger.close();
  });

  it('signs at most once per interval while the tree grows, and once more when it stops', async () => {
    const ledger = AuditLedger.inDataDir(dir, signer);
    const follower = new AuditFollower({ store, ledger, checkpointIntervalMs: 60_000 });
    follower.start();
    try {
      for (let n = 0; n < 3; n++)
        expect(await follower.waitFor((await append(n)).position, 5000)).toBe(true);
      // The empty tree, signed at start; the growth waits for the interval.
      expect(ledger.checkpoints.count()).toBe(1);
      expect(ledger.checkpoints.latest()!.treeSize).toBe(0);
    } finally {
      await follower.stop();
    }
    expect(ledger.checkpoints.latest()!.treeSize).toBe(3);
    expect(ledger.checkpoints.count()).toBe(2);
    ledger.close();
  });
  it('commits a signed checkpoint with synchronous FULL, and the tree batches with NORMAL', async () => {
    const ledger = AuditLedger.inDataDir(dir, signer);
    const db = (ledger as unknown as { db: Database.Database }).db;
    const mode = () => db.pragma('synchronous', { simple: true }) as number;
    const during: number[] = [];
    const sign = CheckpointLog.prototype.sign;
    const spy = jest.spyOn(CheckpointLog.prototype, 'sign').mockImplementation(function (
      this: CheckpointLog,
      ...args
    ) {
      during.push(mode());
      return sign.apply(this, args);
    });
    try {
      ledger.append(await stored());
      expect(mode()).toBe(1); // NORMAL
      ledger.signCheckpoint();
      await append(1);
      ledger.append((await stored()).slice(-1));
      ledger.signCheckpoint();
      expect(during).toEqual([2, 2]); // FULL, for each checkpoint
      expect(mode()).toBe(1);
      expect(ledger.checkpoints.count()).toBe(2);
    } finally {
      spy.mockRestore();
      ledger.close();
    }
  });
});
