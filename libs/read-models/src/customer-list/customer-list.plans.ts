import type Database from 'better-sqlite3';
import type { CustomerListSort } from './customer-list.cursor.js';
import { type RowFilter, taggedCustomers } from './customer-list.filters.js';
import type { CustomerListRequest } from './customer-list.query.js';
import { INDEXED_MATCHES, indexedTerm, partnerRefOf } from './customer-list.search.js';
import { cached } from './customer-list.statements.js';

/** A list row of a page, before its customer's name, domain and tags are added. */
export interface ListRow {
  readonly customer_ref: number;
  readonly customer_id: string;
  readonly relationship: string;
  readonly established_at: string;
  readonly sort_value: string | number;
}

export interface PageOrder {
  readonly column: string;
  readonly descending: boolean;
  /** The keyset: (sort value, customer id, relationship). */
  readonly key: string;
  readonly orderBy: string;
  /** The index walked in this order: of current rows, or of every row (`asOf`). */
  readonly index: { readonly current: string; readonly history: string };
}

export interface PageQuery {
  readonly request: CustomerListRequest;
  readonly filter: RowFilter;
  readonly order: PageOrder;
  /** The cursor's condition (`AND ...`), or empty. */
  readonly keyset: string;
  readonly params: Record<string, unknown>;
}

const SORTS: Record<string, Pick<PageOrder, 'column' | 'index'>> = {
  companyName: {
    column: 'name_key',
    index: { current: 'list_rows_by_name', history: 'list_rows_history' },
  },
  domain: {
    column: 'domain_key',
    index: { current: 'list_rows_by_domain', history: 'list_rows_history_by_domain' },
  },
  createdAt: {
    column: 'established_position',
    index: { current: 'list_rows_by_created', history: 'list_rows_history_by_created' },
  },
};

export function pageOrder(sort: CustomerListSort): PageOrder {
  const { column, index } = SORTS[sort.replace('-', '')]!;
  const descending = sort.startsWith('-');
  const direction = descending ? 'DESC' : 'ASC';
  return {
    column,
    descending,
    key: `(r.${column}, r.customer_id, r.relationship)`,
    orderBy: `r.${column} ${direction}, r.customer_id ${direction}, r.relationship ${direction}`,
    index,
  };
}

/** The index of `query`'s order that holds the rows it can return. */
export const indexOf = ({ request, order }: PageQuery): string =>
  request.asOf === undefined ? order.index.current : order.index.history;

const columns = (order: PageOrder) =>
  `r.customer_ref, r.customer_id, r.relationship, r.established_at, r.${order.column} AS sort_value`;

/** The page in sort order, walking the sort index; `condition` (`AND ...`) tests each row. */
export function walk(db: Database.Database, query: PageQuery, condition = ''): ListRow[] {
  const { filter, order, keyset, params } = query;
  return cached(
    db,
    `SELECT ${columns(order)} FROM list_rows r INDEXED BY ${indexOf(query)}
     WHERE ${filter.base} ${keyset} ${condition} ${filter.tag}
     ORDER BY ${order.orderBy} LIMIT @limit`,
  ).all(params) as ListRow[];
}

/** The page of a tag filter: from the tag's assignments when few, else walking the order. */
export function taggedPage(
  db: Database.Database,
  query: PageQuery,
  rows: number,
  condition = '',
): ListRow[] {
  if (rows > TAG_DRIVEN_MAX) return walk(db, query, condition);
  const { request, filter, order, keyset, params } = query;
  return cached(
    db,
    `SELECT ${columns(order)} FROM ${taggedCustomers(request.asOf)} a
     CROSS JOIN ${rowsOfCustomer(request.asOf)}
     WHERE ${filter.base} ${keyset} ${condition} ORDER BY ${order.orderBy} LIMIT @limit`,
  ).all(params) as ListRow[];
}

/** A search's condition on a row `r`. */
export const MATCHES = 'AND instr(r.search_key, @term)';

/** The customers holding the filter's tag (an upper bound of its rows' count, index-only). */
function taggedCustomerCount(db: Database.Database, query: PageQuery): number {
  return cached(db, `SELECT count(*) FROM ${taggedCustomers(query.request.asOf)}`)
    .pluck()
    .get(query.params) as number;
}

/** The partner's rows `r` of customer `a.customer_id`, found by customer (not in sort order). */
export const rowsOfCustomer = (asOf: string | undefined) =>
  `list_rows r INDEXED BY ${asOf === undefined ? 'list_rows_current' : 'list_rows_by_customer'}
   ON r.partner_id = @partnerId AND r.customer_id = a.customer_id`;

/** Rows of a tag filter up to which the page is read from the tag's assignments. */
const TAG_DRIVEN_MAX = 5_000;

/**
 * How a search reads its rows. `walk`: the sort index in order, testing each row's search key
 * (cheap when the term is common, as a page fills fast; the only way for a one-letter term).
 * `index`: the partner's matches in the search index, sorted (cheap when the term is rare).
 */
export type SearchPlan =
  | { readonly kind: 'walk' }
  | { readonly kind: 'index'; readonly match: string }
  | { readonly kind: 'tagged' }
  | { readonly kind: 'none' };

/** A partner list this small is walked whole rather than searched through the index. */
const SMALL_LIST = 10_000;
/** Matches (upper bound) up to which the trigram index is read directly. */
const RARE_TERM = 3_000;

export function searchedPage(
  db: Database.Database,
  query: PageQuery,
  term: string,
): { rows: ListRow[]; plan: SearchPlan } {
  query.params.term = term;
  if (query.filter.tagIds !== undefined && taggedCustomerCount(db, query) <= TAG_DRIVEN_MAX) {
    return { rows: taggedPage(db, query, 0, MATCHES), plan: { kind: 'tagged' } };
  }
  const partnerRef = partnerRefOf(db, query.request.partnerId);
  const { match, upperBound } = indexedTerm(db, partnerRef, term, RARE_TERM + 1);
  if (upperBound === 0) return { rows: [], plan: { kind: 'none' } };
  const partnerRows = partnerRowCount(db, query.request.partnerId);
  if (match === null || partnerRows <= SMALL_LIST) {
    return { rows: walk(db, query, MATCHES), plan: { kind: 'walk' } };
  }
  Object.assign(query.params, { match, partnerRef });
  const plan = { kind: 'index', match } as const;
  // The history indexes (asOf) hold no search key: walking them reads every row.
  if (upperBound > RARE_TERM && query.request.asOf === undefined) {
    // Common: the page most likely fills within a few thousand rows of the order. When it does
    // not (the matches gather elsewhere in the order), the index's matches are read after all.
    const expected = ((query.request.limit + 1) * partnerRows) / upperBound;
    const budget = Math.round(Math.min(Math.max(8 * expected, 4_000), 20_000));
    const rows = budgetedWalk(db, query, budget);
    if (rows.length > query.request.limit) return { rows, plan };
  }
  return { rows: fromIndex(db, query), plan };
}

/**
 * The matches among the first `budget` rows of the order (after the cursor). The walk reads
 * the sort index only (it holds the search key); a match's row is read once it matched.
 */
function budgetedWalk(db: Database.Database, query: PageQuery, budget: number): ListRow[] {
  const { filter, order, keyset, params } = query;
  return cached(
    db,
    `SELECT r.customer_ref, r.customer_id, r.relationship, r.established_at, w.sort_value
     FROM (SELECT r.id, r.${order.column} AS sort_value, r.search_key
       FROM list_rows r INDEXED BY ${indexOf(query)}
       WHERE ${filter.base} ${keyset} ORDER BY ${order.orderBy} LIMIT @budget) w
     CROSS JOIN list_rows r ON r.id = w.id
     WHERE instr(w.search_key, @term) ${filter.tag} LIMIT @limit`,
  ).all({ ...params, budget }) as ListRow[];
}

/** Every match of the partner's part of the index that passes the filters, sorted: the page. */
function fromIndex(db: Database.Database, query: PageQuery): ListRow[] {
  const { filter, order, keyset, params } = query;
  return cached(
    db,
    `SELECT ${columns(order)} FROM ${INDEXED_MATCHES} AND ${filter.base} ${keyset} ${filter.tag}
     ORDER BY ${order.orderBy} LIMIT @limit`,
  ).all(params) as ListRow[];
}

/** The partner's current rows, every relationship (kept by `list_counts`' triggers). */
export function partnerRowCount(db: Database.Database, partnerId: string): number {
  return cached(db, 'SELECT coalesce(sum(row_count), 0) FROM list_counts WHERE partner_id = ?')
    .pluck()
    .get(partnerId) as number;
}
