import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditedRecord,
  AuditTree,
  canonicalEventBytes,
  CheckpointLog,
  eventLeafHash,
  LeafComparison,
  newNoteKey,
  noteSigner,
  verifyStore,
} from '@customer-workspace/audit';
import type { BenchResult } from './bench-result.js';
import { median, round } from './latency.js';
import { benchWorkload } from './mixed-workload.js';

/**
 * The events of the bench workload as the store hands them to a verifier: each read back from
 * its JSON (as SQLite stores it), with its stream's revision and a global position.
 */
function storedEvents(count: number): AuditedRecord[] {
  const revisions = new Map<string, bigint>();
  const events: AuditedRecord[] = [];
  for (const { streamId, events: batch } of benchWorkload(count, 2_000)) {
    for (const event of batch) {
      const revision = revisions.get(streamId) ?? 0n;
      revisions.set(streamId, revision + 1n);
      const { eventId, type, data, metadata } = JSON.parse(JSON.stringify(event)) as AuditedRecord;
      events.push({
        streamId,
        revision,
        eventId,
        type,
        data,
        metadata,
        position: BigInt(events.length + 1),
      });
      if (events.length === count) return events;
    }
  }
  return events;
}

const perSecond = (count: number, work: () => void): number => {
  const started = process.hrtime.bigint();
  work();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
};

/** What `audit verify` does per event: RFC 8785 bytes, leaf hash, compared with the tree's leaf. */
function verifyPass(tree: AuditTree, events: readonly AuditedRecord[]): void {
  const comparison = new LeafComparison(tree);
  for (const event of events) {
    if (comparison.next(event, eventLeafHash(event)) !== undefined)
      throw new Error(`unreachable: the tree was built from these events (${event.position})`);
  }
}

/** The limit: plain SHA-256 of the same bytes, nothing else. */
function plainHashes(bytes: readonly Uint8Array[]): void {
  let sink = 0;
  for (const b of bytes) sink ^= createHash('sha256').update(b).digest()[0]!;
  if (sink < 0) throw new Error('unreachable: keeps the hashing from being skipped');
}

/**
 * `audit.verify`: events verified per second (the events' RFC 8785 bytes, their leaf hash and
 * the comparison with the audit tree's leaf, a page of leaves at a time from audit.db), against
 * plain SHA-256 of the same bytes in the same run, five alternating rounds, medians compared.
 * The details add the whole store pass (`verifyStore`: also the roots recomputed and every
 * checkpoint checked) and the reference `canonicalize` in the same pass.
 */
export async function auditVerifyBenchmark(quick: boolean): Promise<BenchResult> {
  const count = quick ? 100_000 : 300_000;
  const events = storedEvents(count);
  const bytes = events.map(canonicalEventBytes);
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-audit-'));
  const db = new Database(join(dir, 'audit.db'));
  try {
    db.pragma('journal_mode = WAL');
    const tree = new AuditTree(db);
    const checkpoints = new CheckpointLog(db);
    const signer = noteSigner(newNoteKey('bench.example/audit').privateKey);
    for (let size = 0; size < count; size += 10_000) {
      tree.append(events.slice(size, size + 10_000));
      checkpoints.sign(signer.name, tree.size(), tree.root(), signer);
    }
    const ours: number[] = [];
    const limit: number[] = [];
    for (let round = 0; round < 5; round++) {
      ours.push(perSecond(count, () => verifyPass(tree, events)));
      limit.push(perSecond(count, () => plainHashes(bytes)));
    }
    const value = median(ours);
    const baseline = median(limit);
    const started = process.hrtime.bigint();
    const store = await verifyStore({
      events: (async function* () {
        yield* events;
      })(),
      tree,
      checkpoints,
      verifierKey: signer.verifierKey,
    });
    const storePass = count / (Number(process.hrtime.bigint() - started) / 1e9);
    if (store.verdict.exitCode !== 0)
      throw new Error('unreachable: the store pass found tampering');
    const reference = perSecond(count, () => {
      for (const { streamId, revision, eventId, type, data, metadata } of events)
        canonicalize({ streamId, revision: Number(revision), eventId, type, data, metadata });
    });
    return {
      name: 'audit.verify',
      value: Math.round(value),
      unit: 'events/s',
      limit: Math.round(baseline),
      ratio: round(value / baseline),
      goal: '>= 0.5x plain SHA-256 of the same bytes',
      detail: {
        events: count,
        meanBytes: Math.round(bytes.reduce((sum, b) => sum + b.length, 0) / count),
        roundsEventsPerSecond: ours.map(Math.round),
        roundsSha256PerSecond: limit.map(Math.round),
        wholeStorePassEventsPerSecond: Math.round(storePass),
        checkpointsChecked: store.checkpointsChecked,
        referenceCanonicalizePerSecond: Math.round(reference),
      },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
