import type { Hash } from '@customer-workspace/audit';

/** A hash as the audit routes write it: standard base64 (as checkpoints write their root). */
export const base64Of = (hash: Hash): string => Buffer.from(hash).toString('base64');
