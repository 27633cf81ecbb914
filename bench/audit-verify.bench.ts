import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { createHash, hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditedRecord,
  AuditTree,
  canonicalEventBytes,
  CheckpointLog,
  LeafComparison,
  newNoteKey,
  noteSigner,
  verifyStore,
} from '@customer-workspace/audit';
import { canonicalJson, type StoredJson } from '@customer-workspace/event-store';
import type { BenchResult } from './bench-result.js';
import { median, round } from './latency.js';
import { benchWorkload } from './mixed-workload.js';

type ReadEvent = AuditedRecord & { readonly storedJson: StoredJson };

/**
 * The events of the bench workload as the embedded store hands them to `audit verify`: each
 * read back from the RFC 8785 text it stores, with that text (`storedJson`), its stream's
 * revision and a global position.
 */
function storedEvents(count: number): ReadEvent[] {
  const revisions = new Map<string, bigint>();
  const events: ReadEvent[] = [];
  for (const { streamId, events: batch } of benchWorkload(count, 2_000)) {
    for (const event of batch) {
      const revision = revisions.get(streamId) ?? 0n;
      revisions.set(streamId, revision + 1n);
      const storedJson = {
        data: canonicalJson(event.data),
        metadata: canonicalJson(event.metadata),
      };
      events.push({
        streamId,
        revision,
        eventId: event.eventId,
        type: event.type,
        data: JSON.parse(storedJson.data) as unknown,
        metadata: JSON.parse(storedJson.metadata) as unknown,
        position: BigInt(events.length + 1),
        storedJson,
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

/**
 * What `audit verify` does per event: its leaf hash (from the stored text when that gives the
 * tree's leaf, else from the parsed event's RFC 8785 bytes), compared with the tree's leaf.
 */
function verifyPass(tree: AuditTree, events: readonly AuditedRecord[]): void {
  const comparison = new LeafComparison(tree);
  for (const event of events) {
    if (comparison.verifyNext(event) !== undefined)
      throw new Error(`unreachable: the tree was built from these events (${event.position})`);
  }
}

/** The limit: plain SHA-256 of the same bytes (Node's fastest call: one-shot), nothing else. */
function plainHashes(bytes: readonly Uint8Array[]): void {
  let sink = 0;
  for (const b of bytes) sink ^= hash('sha256', b, 'buffer')[0]!;
  if (sink < 0) throw new Error('unreachable: keeps the hashing from being skipped');
}

/** The limit as the first runs measured it: a Hash object per event (slower than one-shot). */
function hashObjects(bytes: readonly Uint8Array[]): void {
  let sink = 0;
  for (const b of bytes) sink ^= createHash('sha256').update(b).digest()[0]!;
  if (sink < 0) throw new Error('unreachable: keeps the hashing from being skipped');
}

/**
 * `audit.verify`: events verified per second (each event's leaf hash from its stored text, and
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
    const objects: number[] = [];
    for (let round = 0; round < 5; round++) {
      ours.push(perSecond(count, () => verifyPass(tree, events)));
      limit.push(perSecond(count, () => plainHashes(bytes)));
      objects.push(perSecond(count, () => hashObjects(bytes)));
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
    // Events read without their text (EventStoreDB, or text written before it was canonical):
    // each one's RFC 8785 bytes made from the parsed event.
    const parsedOnly = events.map(({ storedJson: _text, ...event }) => event);
    const parsedPass = perSecond(count, () => verifyPass(tree, parsedOnly));
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
        parsedEventsPassPerSecond: Math.round(parsedPass),
        // The same rounds against SHA-256 with a Hash object per event (the first runs' limit).
        sha256WithHashObjectsPerSecond: Math.round(median(objects)),
        ratioToHashObjects: round(value / median(objects)),
        referenceCanonicalizePerSecond: Math.round(reference),
      },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
