import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Checkpoint } from '../checkpoints/checkpoint.js';
import { eventLeafHash } from '../event-bytes.js';
import { verifyInclusion } from '../merkle.js';
import type { AuditedRecord } from '../tree/audit-tree.js';
import { openCheckpointFor, sameHash } from '../verify/trusted-checkpoint.js';
import { Verdict } from '../verify/verdict.js';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleEntry,
  bundleEntrySchema,
  type BundleEvent,
  type BundleManifest,
  bundleManifestSchema,
  problemOf,
} from './bundle-format.js';
import { readBundleKey } from './bundle-key.js';
import { jsonLines, readText } from './bundle-files.js';
import { checkConsistencyLines } from './bundle-consistency.js';

/**
 * Checks that an entry says what its stored event says (the activity-log mapping); answers what
 * differs, or undefined. Called once per entry, oldest first.
 */
export type EntryCheck = (
  entry: BundleEntry['entry'],
  event: AuditedRecord,
  partnerId: string,
) => string | undefined;

export interface BundleVerificationOptions {
  /** The key to verify with, as its file reads (PEM or verifier key); else the bundle's own. */
  readonly publicKey?: string;
  /** An auditor's signed checkpoint the bundle's log must extend. */
  readonly trustedCheckpoint?: string;
  readonly checkEntry?: EntryCheck;
  readonly onProgress?: (entries: number, total: number) => void;
}

export interface BundleVerification {
  readonly verdict: Verdict;
  readonly manifest?: BundleManifest;
  readonly checkpoint?: Checkpoint;
  readonly trusted?: Checkpoint;
  /** Whose key verified: the one given, or the bundle's own (compare it with yours). */
  readonly keyFrom: 'given' | 'bundle';
  readonly verifierKey?: string;
  readonly entries: number;
  readonly consistencyProofs: number;
}

/**
 * Verifies an audit bundle offline (no store, no api): the checkpoint's signature; for every
 * entry, its stored event's leaf hash (RFC 8785 bytes), its inclusion proof to the signed root
 * and that the entry says what its event says; every earlier checkpoint's consistency with the
 * bundle's; and, given one, that the log extends the auditor's trusted checkpoint.
 */
export async function verifyBundle(
  dir: string,
  options: BundleVerificationOptions = {},
): Promise<BundleVerification> {
  const verdict = new Verdict();
  const keyFrom = options.publicKey === undefined ? 'bundle' : 'given';
  const result = { verdict, keyFrom, entries: 0, consistencyProofs: 0 } as const;
  const manifest = readManifest(dir, verdict);
  const note = manifest && readText(dir, BUNDLE_FILES.checkpoint, verdict);
  if (!manifest || note === undefined) return result;
  const key = readBundleKey(dir, note, options.publicKey, verdict);
  if (!key) return { ...result, manifest };
  const checkpoint = openCheckpointFor(verdict, 'The bundle’s checkpoint', note, key);
  if (!checkpoint) return { ...result, manifest, verifierKey: key };
  checkManifest(manifest, checkpoint, verdict);
  const trusted =
    options.trustedCheckpoint === undefined
      ? undefined
      : trustedCheckpoint(options.trustedCheckpoint, key, checkpoint, verdict);

  const entries = await checkEntries(dir, manifest, checkpoint, verdict, options);
  const consistency = await checkConsistencyLines(dir, checkpoint, key, trusted, verdict);
  // With a malformed line, what the file holds cannot be counted.
  if (entries !== undefined && !entries.malformed && entries.count !== manifest.entries)
    verdict.tampered(
      `The manifest counts ${manifest.entries} entries; the bundle holds ${entries.count}`,
    );
  return {
    ...result,
    manifest,
    checkpoint,
    verifierKey: key,
    ...(trusted && { trusted }),
    entries: entries?.count ?? 0,
    consistencyProofs: consistency,
  };
}

function readManifest(dir: string, verdict: Verdict): BundleManifest | undefined {
  const text = readText(dir, BUNDLE_FILES.manifest, verdict);
  if (text === undefined) return undefined;
  let raw: { format?: unknown; version?: unknown };
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    verdict.unverifiable(`${BUNDLE_FILES.manifest} is not JSON`);
    return undefined;
  }
  if (raw?.format !== BUNDLE_FORMAT) {
    verdict.unverifiable(`${BUNDLE_FILES.manifest} is not that of an audit bundle`);
    return undefined;
  }
  if (raw.version !== BUNDLE_VERSION) {
    verdict.unverifiable(
      `The bundle's format version ${String(raw.version)} is not one this verifier reads ` +
        `(${BUNDLE_VERSION})`,
    );
    return undefined;
  }
  const parsed = bundleManifestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  verdict.unverifiable(`${BUNDLE_FILES.manifest} is malformed (${problemOf(parsed.error)})`);
  return undefined;
}

/** The unsigned manifest must say what the signed checkpoint says. */
function checkManifest(manifest: BundleManifest, checkpoint: Checkpoint, verdict: Verdict): void {
  const root = Buffer.from(checkpoint.root).toString('base64');
  if (
    manifest.treeSize !== checkpoint.treeSize ||
    manifest.root !== root ||
    manifest.origin !== checkpoint.origin
  )
    verdict.tampered(
      `The manifest states log "${manifest.origin}" of size ${manifest.treeSize} and root ` +
        `${manifest.root}; the signed checkpoint, "${checkpoint.origin}" of ${checkpoint.treeSize} ` +
        `and ${root}`,
    );
}

function trustedCheckpoint(
  note: string,
  key: string,
  checkpoint: Checkpoint,
  verdict: Verdict,
): Checkpoint | undefined {
  const trusted = openCheckpointFor(verdict, 'The trusted checkpoint', note, key);
  if (!trusted) return undefined;
  if (trusted.origin !== checkpoint.origin) {
    verdict.tampered(
      `The trusted checkpoint is of log "${trusted.origin}", not "${checkpoint.origin}"`,
    );
    return undefined;
  }
  if (trusted.treeSize > checkpoint.treeSize) {
    verdict.unverifiable(
      `The trusted checkpoint (size ${trusted.treeSize}) is newer than the bundle's ` +
        `(${checkpoint.treeSize}): ask for a newer bundle`,
    );
    return undefined;
  }
  if (trusted.treeSize === checkpoint.treeSize && !sameHash(trusted.root, checkpoint.root))
    verdict.tampered(
      `The trusted checkpoint and the bundle's are both of size ${trusted.treeSize} with ` +
        `different roots: two different logs`,
    );
  return trusted;
}

/** Every line of entries.jsonl checked: the entries read, or undefined without the file. */
async function checkEntries(
  dir: string,
  manifest: BundleManifest,
  checkpoint: Checkpoint,
  verdict: Verdict,
  options: BundleVerificationOptions,
): Promise<{ count: number; malformed: boolean } | undefined> {
  const file = join(dir, BUNDLE_FILES.entries);
  if (!existsSync(file)) {
    verdict.unverifiable(`The bundle has no ${BUNDLE_FILES.entries}`);
    return undefined;
  }
  let count = 0;
  let malformed = false;
  let previous: { position: bigint; leafIndex: number } | undefined;
  for await (const { line, value, error } of jsonLines(file)) {
    if (options.onProgress && line % 1000 === 0) options.onProgress(line, manifest.entries);
    const parsed = error === undefined ? bundleEntrySchema.safeParse(value) : undefined;
    if (!parsed?.success) {
      const why = parsed ? problemOf(parsed.error) : error;
      verdict.unverifiable(`${BUNDLE_FILES.entries} line ${line} is malformed (${why})`);
      malformed = true;
      continue;
    }
    count++;
    const { entry } = parsed.data;
    const at = { position: BigInt(entry.position), leafIndex: entry.leafIndex };
    if (previous && (at.position <= previous.position || at.leafIndex <= previous.leafIndex))
      verdict.tampered(
        `${BUNDLE_FILES.entries} line ${line}: entries out of order or repeated (leaf ` +
          `${at.leafIndex} after ${previous.leafIndex})`,
        at,
      );
    previous = at;
    const where = `Entry at position ${entry.position} (leaf ${entry.leafIndex}, line ${line})`;
    const problem =
      entryProblem(parsed.data, checkpoint) ?? claimProblem(parsed.data, manifest, options);
    if (problem?.kind === 'unverifiable') verdict.unverifiable(`${where}: ${problem.message}`);
    else if (problem)
      verdict.tampered(`${where}: ${problem.message}`, {
        ...at,
        position: minPosition(at.position, parsed.data.event),
      });
  }
  options.onProgress?.(count, manifest.entries);
  return { count, malformed };
}

interface Problem {
  readonly kind: 'tampered' | 'unverifiable';
  readonly message: string;
}
const tampered = (message: string): Problem => ({ kind: 'tampered', message });

/** What is wrong with one entry's proof, checked in order: its event, its leaf, its path. */
function entryProblem(line: BundleEntry, checkpoint: Checkpoint): Problem | undefined {
  const { entry, inclusionProof } = line;
  const event = recordOf(line.event);
  if (event.position.toString() !== entry.position || event.eventId !== entry.eventId)
    return tampered(
      `the entry names event ${entry.eventId} at ${entry.position}, its stored event is ` +
        `${event.eventId} at ${event.position}`,
    );
  if (entry.leafIndex >= checkpoint.treeSize)
    return tampered(`leaf ${entry.leafIndex} is beyond the checkpoint's ${checkpoint.treeSize}`);
  let hash: Uint8Array;
  try {
    hash = eventLeafHash(event);
  } catch (error) {
    return { kind: 'unverifiable', message: `no canonical form (${(error as Error).message})` };
  }
  if (!sameHash(hash, Buffer.from(entry.leafHash, 'base64')))
    return tampered('its stored event does not hash to its leafHash (the event was edited)');
  const proof = inclusionProof.map((h) => new Uint8Array(Buffer.from(h, 'base64')));
  if (!verifyInclusion(hash, entry.leafIndex, checkpoint.treeSize, proof, checkpoint.root))
    return tampered('its inclusion proof does not lead to the checkpoint’s root');
  return undefined;
}

/** Whether the entry says what its (proved) event says; a check that cannot run is doubt. */
function claimProblem(
  line: BundleEntry,
  manifest: BundleManifest,
  options: BundleVerificationOptions,
): Problem | undefined {
  try {
    const differs = options.checkEntry?.(line.entry, recordOf(line.event), manifest.partnerId);
    return differs === undefined
      ? undefined
      : tampered(`the entry does not say what its event says: ${differs}`);
  } catch (error) {
    return {
      kind: 'unverifiable',
      message: `what its event says could not be derived (${(error as Error).message})`,
    };
  }
}

export function recordOf(event: BundleEvent): AuditedRecord {
  return { ...event, position: BigInt(event.position), revision: BigInt(event.revision) };
}

function minPosition(position: bigint, event: BundleEvent): bigint {
  const own = BigInt(event.position);
  return own < position ? own : position;
}
