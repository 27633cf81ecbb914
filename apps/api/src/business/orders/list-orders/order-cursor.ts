import { InvalidCursor } from '@customer-workspace/read-models';

/** What the list answers for a cursor it did not hand out (400 naming `cursor`). */
const NOT_OURS = 'cursor must be a nextCursor of this list';

/**
 * List cursors name the stream revision of the last `OrderCreated` on the page: the customer
 * stream is append-only, so a cursor stays valid however many orders are placed meanwhile.
 */
export function encodeOrderCursor(revision: bigint): string {
  return Buffer.from(`o:${revision}`).toString('base64url');
}

/** The revision a cursor names; throws `InvalidCursor` for a cursor this list never made. */
export function decodeOrderCursor(cursor: string): bigint {
  const match = /^o:(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new InvalidCursor(NOT_OURS);
  return BigInt(match[1] as string);
}
