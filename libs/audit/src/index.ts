// Tamper evidence: the RFC 6962 / RFC 9162 Merkle tree over the stored events in global order,
// its inclusion and consistency proofs, and the canonical bytes (RFC 8785) each leaf hashes.
export * from './merkle.js';
export * from './merkle-frontier.js';
export * from './event-bytes.js';
export * from './signed-note.js';
export * from './tree/merkle-node-store.js';
export * from './tree/audit-tree.js';
export * from './checkpoints/checkpoint.js';
export * from './checkpoints/checkpoint-log.js';
export * from './audit-key.js';
export * from './audit-ledger.js';
export * from './audit-follower.js';
export * from './verify/verdict.js';
export * from './verify/store-verification.js';
export * from './bundle/bundle-format.js';
export * from './bundle/bundle-writer.js';
export * from './bundle/bundle-verification.js';
