import { BUNDLE_FILES, type BundleManifest } from './bundle-format.js';

/** The README an auditor finds in the bundle: what it holds and how to check it. */
export function bundleReadme(manifest: BundleManifest): string {
  const f = BUNDLE_FILES;
  return `# Audit bundle: activity log of ${manifest.partnerId}

Made ${manifest.createdAt} from the log "${manifest.origin}": ${manifest.entries} activity-log
entries, each proved to be in the log's Merkle tree of ${manifest.treeSize} events, whose root
${manifest.root} the signed checkpoint states.

## Files

- \`${f.checkpoint}\`: the signed checkpoint (C2SP signed note, Ed25519): origin, tree size and
  root, then a blank line and the signature.
- \`${f.publicKey}\`, \`${f.verifierKey}\`: the public key that signs checkpoints, as PEM and as
  a C2SP verifier key. Compare it with the copy you were given apart from this bundle.
- \`${f.entries}\`: one JSON object per line, oldest first: \`entry\` (the activity-log entry as
  the api shows it, with \`leafIndex\` and \`leafHash\`), \`event\` (the stored event exactly as
  stored) and \`inclusionProof\` (base64 hashes from the leaf up to the root).
- \`${f.consistency}\`: one JSON object per earlier tree size: \`treeSize\`, \`hashes\` (the
  consistency proof from that size to ${manifest.treeSize}) and, when the log signed a
  checkpoint at that size, \`checkpoint\`.
- \`${f.manifest}\`: format \`${manifest.format}\`, version ${manifest.version}, and the counts.

## Verify

Offline, with the project's CLI (no store, no api, no network):

    npm run cli -- audit verify --bundle <this directory> [--public-key FILE] [--trusted-checkpoint FILE]

\`--public-key\`: the key you hold (PEM or verifier key); without it the bundle's own is used.
\`--trusted-checkpoint\`: a checkpoint you kept earlier; the bundle must prove that the log only
grew since. Exit code 0: intact; 1: tampered (the first affected position is named); 2: could
not verify (a file missing or malformed, an unknown format version, a key that does not parse).

By hand (RFC 9162, SHA-256): each event's bytes are the RFC 8785 (JCS) canonical JSON of
\`{ streamId, revision, eventId, type, data, metadata }\` with \`revision\` as a number; its leaf
hash is SHA-256(0x00 || bytes); a node is SHA-256(0x01 || left || right). Check the leaf hash,
the inclusion proof to the checkpoint's root, the checkpoint's signature, and that the entry
says what its event says.

The bundle proves that each entry in it was in the log, unchanged, at the checkpoint; it does
not prove that the log holds no other entries of this partner.
`;
}
