import type Database from 'better-sqlite3';
import { type CustomerListSort, decodeCursor } from './customer-list.cursor.js';
import { type RowFilter, taggedCustomers } from './customer-list.filters.js';
import type { CustomerListRequest } from './customer-list.query.js';
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

/** A request's page query: its filter, order and cursor (the keyset after the cursor's row). */
export function pageQuery(request: CustomerListRequest, filter: RowFilter): PageQuery {
  const params: Record<string, unknown> = { ...filter.params, limit: request.limit + 1 };
  const order = pageOrder(request.sort);
  let keyset = '';
  if (request.cursor !== undefined) {
    const [k0, k1, k2] = decodeCursor(request.cursor, request.sort);
    Object.assign(params, { k0, k1, k2 });
    keyset = `AND ${order.key} ${order.descending ? '<' : '>'} (@k0, @k1, @k2)`;
  }
  return { request, filter, order, keyset, params };
}

/** The index of `query`'s order that holds the rows it can return. */
export const indexOf = ({ request, order }: PageQuery): string =>
  request.asOf === undefined ? order.index.current : order.index.history;

export const columns = (order: PageOrder) =>
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
export function taggedCustomerCount(db: Database.Database, query: PageQuery): number {
  return cached(db, `SELECT count(*) FROM ${taggedCustomers(query.request.asOf)}`)
    .pluck()
    .get(query.params) as number;
}

/** The partner's rows `r` of customer `a.customer_id`, found by customer (not in sort order). */
export const rowsOfCustomer = (asOf: string | undefined) =>
  `list_rows r INDEXED BY ${asOf === undefined ? 'list_rows_current' : 'list_rows_by_customer'}
   ON r.partner_id = @partnerId AND r.customer_id = a.customer_id`;

/** Rows of a tag filter up to which the page is read from the tag's assignments. */
export const TAG_DRIVEN_MAX = 5_000;

/** The partner's current rows, every relationship (kept by `list_counts`' triggers). */
export function partnerRowCount(db: Database.Database, partnerId: string): number {
  return cached(db, 'SELECT coalesce(sum(row_count), 0) FROM list_counts WHERE partner_id = ?')
    .pluck()
    .get(partnerId) as number;
}
