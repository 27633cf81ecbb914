import { ValidationFailed } from '../../errors/validation-failed.js';

/**
 * List cursors name the stream revision of the last `OrderCreated` on the page: the customer
 * stream is append-only, so a cursor stays valid however many orders are placed meanwhile.
 */
export function encodeOrderCursor(revision: bigint): string {
  return Buffer.from(`o:${revision}`).toString('base64url');
}

/** The revision a cursor names; a cursor this list did not hand out answers 400. */
export function decodeOrderCursor(cursor: string): bigint {
  const match = /^o:(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    throw new ValidationFailed([
      { field: 'cursor', message: 'cursor must be a nextCursor of this list' },
    ]);
  }
  return BigInt(match[1] as string);
}
