import Database from 'better-sqlite3';
import { canonicalJson } from '@customer-workspace/event-store';
import { CheckpointLog } from '../checkpoints/checkpoint-log.js';
import { checkpointText } from '../checkpoints/checkpoint.js';
import { newNoteKey, noteSigner, signNote } from '../signed-note.js';
import { type AuditedRecord, AuditTree } from '../tree/audit-tree.js';
import { verifyStore } from './store-verification.js';

const key = newNoteKey('test.example/audit');
const signer = noteSigner(key.privateKey);

/** A log with sparse positions, as EventStoreDB gives them. */
const log: AuditedRecord[] = Array.from({ length: 24 }, (_, i) => ({
  streamId: `customer-${i % 4}`,
  revision: BigInt(Math.floor(i / 4)),
  eventId: `e-${i}`,
  type: 'CustomerTagAssigned',
  data: { customerId: `c-${i % 4}`, tagId: `t-${i}` },
  metadata: { partnerId: 'p-1', occurredAt: `2026-12-02T10:00:${String(i).padStart(2, '0')}Z` },
  position: BigInt(100 + i * 7),
}));

/** A tree of `events` with checkpoints signed at `sizes`, as the api's follower keeps them. */
function ledgerOf(events: readonly AuditedRecord[], sizes: readonly number[]) {
  const db = new Database(':memory:');
  const tree = new AuditTree(db);
  const checkpoints = new CheckpointLog(db);
  for (const size of sizes) {
    tree.append(events.slice(0, size));
    checkpoints.sign(signer.name, size, tree.root(size), signer);
  }
  tree.append(events);
  return { tree, checkpoints };
}

async function* stream(events: readonly AuditedRecord[]) {
  yield* events;
}

const verify = (
  events: readonly AuditedRecord[],
  trustedCheckpoint?: string,
  ledger = ledgerOf(log, [0, 5, 12, 24]),
) =>
  verifyStore({
    events: stream(events),
    ...ledger,
    verifierKey: key.verifierKey,
    ...(trustedCheckpoint !== undefined && { trustedCheckpoint }),
  });

const edit = (events: readonly AuditedRecord[], index: number, data: unknown) =>
  events.map((event, i) => (i === index ? { ...event, data } : event));

describe('verifyStore', () => {
  it('finds an intact log intact: every leaf, every signed root', async () => {
    const { verdict, events, checkpointsChecked, latest } = await verify(log);
    expect(verdict.findings.shown).toEqual([]);
    expect(verdict.exitCode).toBe(0);
    expect({ events, checkpointsChecked, size: latest?.treeSize }).toEqual({
      events: 24,
      checkpointsChecked: 4,
      size: 24,
    });
  });

  it.each([
    ['an edited event', edit(log, 9, { forged: true }), log[9]!.position],
    ['a deleted event', log.filter((_, i) => i !== 6), log[6]!.position],
    ['two swapped payloads', edit(edit(log, 3, log[15]!.data), 15, log[3]!.data), log[3]!.position],
    ['the last events deleted', log.slice(0, 20), log[20]!.position],
  ])('names the first position of %s', async (_case, events, position) => {
    const { verdict } = await verify(events);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.firstAffected?.position).toBe(position);
  });

  it('catches a tree rebuilt to match rewritten events by the roots signed before', async () => {
    const rewritten = edit(log, 8, { forged: true });
    const honest = ledgerOf(log, [0, 5, 12, 24]);
    // The tree of the rewritten log, with the checkpoints signed of the honest one.
    const forged = ledgerOf(rewritten, []);
    const ledger = { tree: forged.tree, checkpoints: honest.checkpoints };
    const { verdict } = await verify(rewritten, undefined, ledger);
    expect(verdict.exitCode).toBe(1);
    // The change lies after the last size a signed root confirms (5), at position 5's or later.
    expect(verdict.firstAffected).toMatchObject({ from: log[5]!.position, leafIndex: 5 });
    expect(verdict.findings.shown.map((f) => f.message).join('\n')).toMatch(
      /do not give the root of the checkpoint of size 12/,
    );
  });

  it('proves the log extends an auditor’s checkpoint, and refuses another log’s', async () => {
    const own = ledgerOf(log, [10]).checkpoints.at(10)!.note;
    expect((await verify(log, own)).verdict.exitCode).toBe(0);

    const other = ledgerOf(edit(log, 2, { other: 'log' }), [10]).checkpoints.at(10)!.note;
    const { verdict } = await verify(log, other);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.findings.shown[0]!.message).toMatch(/the trusted checkpoint/);
  });

  it('refuses a trusted checkpoint signed by another key, and cannot read a malformed one', async () => {
    const stranger = noteSigner(newNoteKey('test.example/audit').privateKey);
    const root = ledgerOf(log, []).tree.root(10);
    const foreign = signNote(
      checkpointText({ origin: stranger.name, treeSize: 10, root }),
      stranger,
    );
    expect((await verify(log, foreign)).verdict.exitCode).toBe(1);
    expect((await verify(log, 'not a checkpoint\n')).verdict.exitCode).toBe(2);
  });

  it('could not verify a tree that has no signed checkpoint yet', async () => {
    const { verdict } = await verify(log, undefined, ledgerOf(log, []));
    expect(verdict.exitCode).toBe(2);
  });
  describe('events read with their stored text (storedJson)', () => {
    const withText = (events: readonly AuditedRecord[], write: (value: unknown) => string) =>
      events.map((event) => ({
        ...event,
        storedJson: { data: write(event.data), metadata: write(event.metadata) },
      }));

    it('verifies canonical text (the embedded store) and text written before it was canonical', async () => {
      for (const write of [canonicalJson, (value: unknown) => JSON.stringify(value, null, 1)]) {
        const { verdict, events } = await verify(withText(log, write));
        expect(verdict.findings.shown).toEqual([]);
        expect(verdict.exitCode).toBe(0);
        expect(events).toBe(24);
      }
    });

    it('catches stored text edited, in whichever form it was written', async () => {
      for (const write of [canonicalJson, (value: unknown) => JSON.stringify(value)]) {
        const events = withText(log, write).map((event, i) =>
          i === 9
            ? {
                ...event,
                data: { ...(event.data as object), tagId: 't-forged' },
                storedJson: {
                  ...event.storedJson,
                  data: write({ ...(event.data as object), tagId: 't-forged' }),
                },
              }
            : event,
        );
        const { verdict } = await verify(events);
        expect(verdict.exitCode).toBe(1);
        expect(verdict.findings.shown[0]).toMatchObject({ position: log[9]!.position });
      }
    });

    it('never takes the stored text on trust: text that disagrees with the event is hashed from the event', async () => {
      // Text that hashes to no leaf while the parsed event is intact: the event decides.
      const events = withText(log, canonicalJson).map((event, i) =>
        i === 4 ? { ...event, storedJson: { ...event.storedJson, data: '{"other":true}' } } : event,
      );
      expect((await verify(events)).verdict.exitCode).toBe(0);
    });
  });
});
