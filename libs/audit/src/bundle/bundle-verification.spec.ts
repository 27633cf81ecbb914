import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointLog } from '../checkpoints/checkpoint-log.js';
import { newNoteKey, noteSigner } from '../signed-note.js';
import { type AuditedRecord, AuditTree } from '../tree/audit-tree.js';
import { BUNDLE_FILES } from './bundle-format.js';
import { type BundleVerificationOptions, verifyBundle } from './bundle-verification.js';
import { writeBundle } from './bundle-writer.js';

const key = newNoteKey('test.example/audit');
const signer = noteSigner(key.privateKey);

const log: AuditedRecord[] = Array.from({ length: 30 }, (_, i) => ({
  streamId: `customer-${i % 5}`,
  revision: BigInt(Math.floor(i / 5)),
  eventId: `e-${i}`,
  type: 'CustomerTagAssigned',
  data: { customerId: `c-${i % 5}`, tagName: `tag ${i}` },
  metadata: { partnerId: i % 3 === 0 ? 'p-1' : 'p-2', occurredAt: '2026-12-02T10:00:00Z' },
  position: BigInt(1 + i * 3),
}));
/** The entries of partner p-1: every third event. */
const partnerEvents = log.filter(
  (event) => (event.metadata as { partnerId: string }).partnerId === 'p-1',
);

function ledgerOf(events: readonly AuditedRecord[], sizes: readonly number[]) {
  const db = new Database(':memory:');
  const tree = new AuditTree(db);
  const checkpoints = new CheckpointLog(db);
  for (const size of sizes) {
    tree.append(events.slice(0, size));
    checkpoints.sign(signer.name, size, tree.root(size), signer);
  }
  return { tree, checkpoints };
}

describe('audit bundles', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cw-bundle-'));
    dir = join(root, 'bundle');
    const { tree, checkpoints } = ledgerOf(log, [4, 11, 30]);
    async function* entries() {
      for (const event of partnerEvents)
        yield { item: { position: event.position.toString(), eventId: event.eventId }, event };
    }
    const written = await writeBundle(dir, {
      partnerId: 'p-1',
      tree,
      checkpoints,
      checkpoint: checkpoints.latest()!,
      origin: signer.name,
      verifierKey: signer.verifierKey,
      publicKeyPem: signer.publicKeyPem,
      entries: entries(),
      extraSizes: [7],
    });
    expect(written).toMatchObject({ entries: 10, consistencyProofs: 3, mismatched: 0 });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const verify = (options: BundleVerificationOptions = {}) => verifyBundle(dir, options);
  const file = (name: string) => join(dir, name);
  const rewrite = (name: string, change: (text: string) => string) =>
    writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));
  const lines = () => readFileSync(file(BUNDLE_FILES.entries), 'utf8').trim().split('\n');
  const messages = async (options?: BundleVerificationOptions) =>
    (await verify(options)).verdict.findings.shown.map((finding) => finding.message).join('\n');

  it('verifies intact, with its own key, the PEM or the verifier key given', async () => {
    const result = await verify();
    expect(result.verdict.findings.shown).toEqual([]);
    expect(result).toMatchObject({ entries: 10, consistencyProofs: 3, keyFrom: 'bundle' });
    for (const publicKey of [signer.publicKeyPem, signer.verifierKey])
      expect((await verify({ publicKey })).verdict.exitCode).toBe(0);
  });

  it('names the entry whose stored event had one byte edited', async () => {
    rewrite(BUNDLE_FILES.entries, (text) => text.replace('"tag 9"', '"tag 8"'));
    const { verdict } = await verify();
    expect(verdict.exitCode).toBe(1);
    expect(verdict.firstAffected).toMatchObject({ position: log[9]!.position, leafIndex: 9 });
    expect(verdict.firstAffected!.message).toMatch(/does not hash to its leafHash/);
  });

  it('catches a proof hash changed, the entry’s own claims changed, entries dropped', async () => {
    const [first, second, ...rest] = lines();
    const line = JSON.parse(second!) as { inclusionProof: string[]; entry: { eventId: string } };
    line.inclusionProof[1] = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(file(BUNDLE_FILES.entries), [first, JSON.stringify(line), ...rest].join('\n'));
    expect(await messages()).toMatch(/position 10 .*inclusion proof does not lead/);

    const claims = JSON.parse(first!) as { entry: { eventId: string } };
    claims.entry.eventId = 'e-forged';
    writeFileSync(file(BUNDLE_FILES.entries), [JSON.stringify(claims), ...rest].join('\n'));
    const { verdict } = await verify();
    expect(verdict.firstAffected?.position).toBe(1n);
    expect(await messages()).toMatch(/manifest counts 10 entries; the bundle holds 9/);
  });

  it('catches a checkpoint whose signature changed by one character', async () => {
    rewrite(BUNDLE_FILES.checkpoint, (note) => {
      const at = note.length - 20;
      return `${note.slice(0, at)}${note[at] === 'A' ? 'B' : 'A'}${note.slice(at + 1)}`;
    });
    expect((await verify()).verdict.exitCode).toBe(1);
    expect(await messages()).toMatch(/checkpoint is not signed by the key/);
  });

  it('catches an earlier signed checkpoint that the bundle’s log does not extend', async () => {
    rewrite(BUNDLE_FILES.consistency, (text) => {
      const [first, ...rest] = text.trim().split('\n');
      const line = JSON.parse(first!) as { hashes: string[] };
      line.hashes[0] = Buffer.alloc(32).toString('base64');
      return [JSON.stringify(line), ...rest].join('\n');
    });
    expect(await messages()).toMatch(/size 4 .* is not a prefix of the bundle's log/);
  });

  it('proves the growth since an auditor’s checkpoint; another log’s is tampering', async () => {
    const ledger = ledgerOf(log, [11]);
    const kept = ledger.checkpoints.at(11)!.note;
    const result = await verify({ trustedCheckpoint: kept });
    expect(result.verdict.exitCode).toBe(0);
    expect(result.trusted?.treeSize).toBe(11);
    // Size 7 was asked for when the bundle was made (the auditor's, after a rebuilt tree).
    const asked = ledgerOf(log, [7]).checkpoints.at(7)!.note;
    expect((await verify({ trustedCheckpoint: asked })).verdict.exitCode).toBe(0);

    const forged = log.map((event, i) => (i === 2 ? { ...event, data: { forged: true } } : event));
    const other = ledgerOf(forged, [11]).checkpoints.at(11)!.note;
    expect((await verify({ trustedCheckpoint: other })).verdict.exitCode).toBe(1);
    const unproved = ledgerOf(log, [5]).checkpoints.at(5)!.note;
    expect((await verify({ trustedCheckpoint: unproved })).verdict.exitCode).toBe(2);
  });

  it.each([
    ['a missing file', () => unlinkSync(file(BUNDLE_FILES.entries))],
    ['a missing checkpoint', () => unlinkSync(file(BUNDLE_FILES.checkpoint))],
    [
      'an unknown format version',
      () => rewrite(BUNDLE_FILES.manifest, (t) => t.replace('"version": 1', '"version": 2')),
    ],
    [
      'a key that does not parse',
      () => writeFileSync(file(BUNDLE_FILES.verifierKey), 'nonsense\n'),
    ],
    [
      'two keys that differ',
      () =>
        writeFileSync(
          file(BUNDLE_FILES.publicKey),
          noteSigner(newNoteKey('x').privateKey).publicKeyPem,
        ),
    ],
    ['a truncated line', () => rewrite(BUNDLE_FILES.entries, (t) => t.slice(0, -40))],
  ])('could not verify %s', async (_case, damage) => {
    damage();
    expect((await verify()).verdict.exitCode).toBe(2);
  });

  it('asks the entry check whether each entry says what its event says', async () => {
    const seen: string[] = [];
    const { verdict } = await verify({
      checkEntry: (entry, event, partnerId) => {
        seen.push(`${partnerId}:${event.eventId}`);
        return entry.position === '28' ? 'action: entry says x, event says y' : undefined;
      },
    });
    expect(seen).toHaveLength(10);
    expect(seen[0]).toBe('p-1:e-0');
    expect(verdict.firstAffected).toMatchObject({ position: 28n, leafIndex: 9 });
    const failing = await verify({
      checkEntry: () => {
        throw new Error('unknown version');
      },
    });
    expect(failing.verdict.exitCode).toBe(2);
  });

  it('refuses a bundle checked with another key', async () => {
    const stranger = noteSigner(newNoteKey('test.example/audit').privateKey);
    expect((await verify({ publicKey: stranger.verifierKey })).verdict.exitCode).toBe(1);
  });
});
