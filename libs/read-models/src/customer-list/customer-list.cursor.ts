import { InvalidCursor } from '../read-model.errors.js';

/** How the list can be sorted (docs/api.md#customer-list-search), each with its descending twin. */
export const CUSTOMER_LIST_SORTS = [
  'companyName',
  '-companyName',
  'domain',
  '-domain',
  'createdAt',
  '-createdAt',
] as const;
export type CustomerListSort = (typeof CUSTOMER_LIST_SORTS)[number];

/** The sort key of the last row of a page: (folded value, customer id, relationship). */
export type SortKey = readonly [string | number, string, string];

/** The cursor is opaque to clients; it is the last row's key under a given sort. */
interface CursorBody {
  readonly s: CustomerListSort;
  readonly k: SortKey;
}

/** A cursor that is not ours, or that belongs to another sort. */
const invalid = (reason: string): InvalidCursor =>
  new InvalidCursor(`cursor ${reason}: start again without a cursor`);

export function encodeCursor(sort: CustomerListSort, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key } satisfies CursorBody)).toString(
    'base64url',
  );
}

/** The key to continue after; throws `InvalidCursor` on a malformed or foreign cursor. */
export function decodeCursor(cursor: string, sort: CustomerListSort): SortKey {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw invalid('is malformed');
  }
  const key = body?.k;
  if (
    !Array.isArray(key) ||
    key.length !== 3 ||
    !['string', 'number'].includes(typeof key[0]) ||
    typeof key[1] !== 'string' ||
    typeof key[2] !== 'string'
  )
    throw invalid('is malformed');
  if (body.s !== sort) throw invalid(`was made for sort=${String(body.s)}`);
  return key as unknown as SortKey;
}
