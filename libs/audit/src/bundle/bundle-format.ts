import { z } from 'zod';

/**
 * An audit bundle: what an auditor is handed to check a partner's activity log offline. A
 * directory of fixed file names; the manifest says which format version wrote them.
 */
export const BUNDLE_FORMAT = 'customer-workspace-audit-bundle';
export const BUNDLE_VERSION = 1;

export const BUNDLE_FILES = {
  /** Format, version, partner, the checkpoint's size and root, counts. */
  manifest: 'manifest.json',
  /** The signed checkpoint (C2SP signed note) every entry is proved against. */
  checkpoint: 'checkpoint.txt',
  /** The Ed25519 public key, PEM (SPKI). */
  publicKey: 'public-key.pem',
  /** The same key as a C2SP verifier key (`<name>+<hash>+<key>`). */
  verifierKey: 'verifier-key.txt',
  /** One entry per line, oldest first: the entry, its stored event, its inclusion proof. */
  entries: 'entries.jsonl',
  /** One line per earlier tree size: the consistency proof from it to the checkpoint's. */
  consistency: 'consistency.jsonl',
  readme: 'README.md',
} as const;

const base64Hash = z
  .string()
  .refine((text) => Buffer.from(text, 'base64').length === 32, 'the base64 of 32 bytes');
const decimal = z.string().regex(/^(0|[1-9][0-9]*)$/, 'a decimal string');
const size = z.number().int().nonnegative();

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  partnerId: z.string().min(1),
  origin: z.string().min(1),
  treeSize: size,
  root: base64Hash,
  createdAt: z.string(),
  entries: size,
  consistencyProofs: size,
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** A stored event as the bundle holds it: as `replay` prints it, every field as stored. */
export const bundleEventSchema = z.object({
  position: decimal,
  streamId: z.string(),
  revision: decimal,
  eventId: z.string(),
  type: z.string(),
  data: z.unknown(),
  metadata: z.unknown(),
});
export type BundleEvent = z.infer<typeof bundleEventSchema>;

/**
 * One line of `entries.jsonl`. `entry` is the activity-log item as the api shows it, with the
 * `leafIndex` and `leafHash` of its event; other fields pass through as they are.
 */
export const bundleEntrySchema = z.object({
  entry: z.looseObject({
    position: decimal,
    eventId: z.string(),
    leafIndex: size,
    leafHash: base64Hash,
  }),
  event: bundleEventSchema,
  inclusionProof: z.array(base64Hash),
});
export type BundleEntry = z.infer<typeof bundleEntrySchema>;

/**
 * One line of `consistency.jsonl`: the proof from `treeSize` to the bundle's size, with the
 * checkpoint the log signed at that size when it kept one (absent for a size an auditor asked
 * for, whose checkpoint the auditor holds).
 */
export const bundleConsistencySchema = z.object({
  treeSize: size,
  hashes: z.array(base64Hash),
  checkpoint: z.string().optional(),
});
export type BundleConsistency = z.infer<typeof bundleConsistencySchema>;

/** The first problem zod found, as one line for a finding. */
export function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed';
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}
