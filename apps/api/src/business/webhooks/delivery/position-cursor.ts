import { InvalidCursor } from '@customer-workspace/read-models';

/** The largest position the outbox stores (SQLite's signed 64-bit integer). */
const MAX_STORED_POSITION = 2n ** 63n - 1n;

/** A list's `cursor` (a position it handed out); one no position can be answers 400. */
export function positionCursor(cursor: string): bigint {
  const position = BigInt(cursor);
  if (position > MAX_STORED_POSITION)
    throw new InvalidCursor('cursor must be a nextCursor of this list');
  return position;
}
