import Database from 'better-sqlite3';
import { canonicalJson, type StoredJson } from '@customer-workspace/event-store';
import { verifyConsistency, verifyInclusion } from '../merkle.js';
import {
  type AuditedRecord,
  AuditTree,
  firstTamperedPosition,
  LeafComparison,
} from './audit-tree.js';

const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');

/** A log with sparse positions, as EventStoreDB gives them. */
const log: AuditedRecord[] = Array.from({ length: 20 }, (_, i) => ({
  streamId: `customer-${i % 3}`,
  revision: BigInt(Math.floor(i / 3)),
  eventId: `e-${i}`,
  type: i % 2 ? 'CustomerTagAssigned' : 'CustomerAdded',
  data: { customerId: `c-${i % 3}`, n: i },
  metadata: { partnerId: 'p-1', occurredAt: `2026-12-02T10:00:${String(i).padStart(2, '0')}Z` },
  position: BigInt(1000 + i * 137),
}));

const treeOf = (events: readonly AuditedRecord[]) => {
  const tree = new AuditTree(new Database(':memory:'));
  tree.append(events);
  return tree;
};

describe('AuditTree', () => {
  it('gives the same roots when rebuilt from the same events, in batches or at once', () => {
    const once = treeOf(log);
    const inBatches = new AuditTree(new Database(':memory:'));
    for (let i = 0; i < log.length; i += 7) inBatches.append(log.slice(i, i + 7));
    inBatches.append(log.slice(0, 10)); // handed over again: nothing twice
    expect(inBatches.size()).toBe(log.length);
    for (let size = 0; size <= log.length; size++)
      expect(hex(inBatches.root(size))).toBe(hex(once.root(size)));
    expect(once.checkpoint()).toBe(log.at(-1)!.position);
  });

  it('proves an event’s inclusion by its position, and the growth since an old root', () => {
    const tree = treeOf(log.slice(0, 12));
    const oldRoot = tree.root();
    tree.append(log.slice(12));
    const leaf = tree.leafAt(log[5]!.position)!;
    expect(leaf).toMatchObject({ leafIndex: 5, eventId: 'e-5' });
    const proof = tree.inclusionProof(leaf.leafIndex);
    expect(verifyInclusion(leaf.leafHash, leaf.leafIndex, tree.size(), proof, tree.root())).toBe(
      true,
    );
    const growth = tree.consistencyProof(12);
    expect(verifyConsistency(12, tree.size(), oldRoot, tree.root(), growth)).toBe(true);
    expect(tree.leafAt(999n)).toBeUndefined();
  });

  it('names the first position of an edited byte, a deleted event or two swapped ones', () => {
    const tree = treeOf(log);
    expect(firstTamperedPosition(tree, log)).toBeUndefined();

    const edited = log.map((event, i) =>
      i === 7 ? { ...event, data: { ...(event.data as object), n: 70 } } : event,
    );
    expect(firstTamperedPosition(tree, edited)).toBe(log[7]!.position);

    const deleted = log.filter((_, i) => i !== 4);
    expect(firstTamperedPosition(tree, deleted)).toBe(log[4]!.position);

    const swapped = [...log];
    [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
    expect(firstTamperedPosition(tree, swapped)).toBe(log[10]!.position);

    expect(firstTamperedPosition(tree, log.slice(0, 15))).toBe(log[15]!.position);
  });

  it('compares a page of leaves at a time, as one pass over the whole tree would', () => {
    const tree = treeOf(log);
    const compare = (events: readonly AuditedRecord[]) => {
      const comparison = new LeafComparison(tree, 3);
      for (const event of events) {
        if (comparison.done) break;
        const tampered = comparison.next(event);
        if (tampered !== undefined) return tampered;
      }
      return comparison.end();
    };
    expect(compare(log)).toBeUndefined();
    for (const index of [0, 2, 3, 11, 19]) {
      const deleted = log.filter((_, i) => i !== index);
      expect(compare(deleted)).toBe(log[index]!.position);
      expect(compare(deleted)).toBe(firstTamperedPosition(tree, deleted));
    }
    expect(tree.leaves(18, 5).map((leaf) => leaf.eventId)).toEqual(['e-18', 'e-19']);
  });

  it('verifies events read with their stored text as it verifies parsed ones (verifyNext)', () => {
    const tree = treeOf(log);
    const withText = (events: readonly AuditedRecord[], write: (v: unknown) => string) =>
      events.map((event) => ({
        ...event,
        storedJson: { data: write(event.data), metadata: write(event.metadata) },
      }));
    const verify = (events: readonly (AuditedRecord & { storedJson?: StoredJson })[]) => {
      const comparison = new LeafComparison(tree, 3);
      for (const event of events) {
        if (comparison.done) break;
        const tampered = comparison.verifyNext(event);
        if (tampered !== undefined) return tampered;
      }
      return comparison.end();
    };
    const canonical = withText(log, canonicalJson);
    expect(verify(canonical)).toBeUndefined();
    // Text written before it was canonical, and text that disagrees with an intact event:
    // the parsed event decides.
    expect(verify(withText(log, (v) => JSON.stringify(v, null, 2)))).toBeUndefined();
    expect(
      verify(
        canonical.map((e, i) =>
          i === 5 ? { ...e, storedJson: { ...e.storedJson, data: '{}' } } : e,
        ),
      ),
    ).toBeUndefined();
    // An event edited (text and parsed alike), deleted, or moved: its position.
    const edited = canonical.map((e, i) =>
      i === 7
        ? { ...e, data: { n: -1 }, storedJson: { ...e.storedJson, data: canonicalJson({ n: -1 }) } }
        : e,
    );
    expect(verify(edited)).toBe(log[7]!.position);
    expect(verify(canonical.filter((_, i) => i !== 4))).toBe(log[4]!.position);
  });

  it('detects a rewritten history against a root an auditor kept', () => {
    const kept = treeOf(log.slice(0, 10)).root();
    const rewritten = treeOf([{ ...log[0]!, data: { forged: true } }, ...log.slice(1)]);
    const proof = rewritten.consistencyProof(10);
    expect(verifyConsistency(10, rewritten.size(), kept, rewritten.root(), proof)).toBe(false);
  });
});
