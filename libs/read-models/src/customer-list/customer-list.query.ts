import type Database from 'better-sqlite3';
import { type CustomerListSort, encodeCursor } from './customer-list.cursor.js';
import { assignmentAlive, rowFilter, tagAlive } from './customer-list.filters.js';
import {
  type ListRow,
  type PageQuery,
  pageQuery,
  taggedPage,
  walk,
} from './customer-list.plans.js';
import { searchedPage } from './customer-list.search-plans.js';
import { cached } from './customer-list.statements.js';
import { listTotal, searchTotal, type Total } from './customer-list.totals.js';
import { searchTermOf } from './search-key.js';

export { SEARCH_TOTAL_CAP } from './customer-list.totals.js';

export interface CustomerListRequest {
  readonly partnerId: string;
  /** Any part of company name, domain or Microsoft ID, ignoring case and accents. */
  readonly q?: string;
  readonly relationship?: string;
  /** A tag name (compared ignoring case and accents). */
  readonly tag?: string;
  readonly sort: CustomerListSort;
  /** ISO-8601 instant (`toISOString` form): the list as it was then. */
  readonly asOf?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CustomerListItem {
  readonly id: string;
  readonly companyName: string;
  readonly domain: string;
  readonly relationship: string;
  readonly tags: string[];
  /** When the relationship (this row) entered the partner's list. */
  readonly createdAt: string;
}

export interface CustomerListPage {
  readonly items: CustomerListItem[];
  readonly nextCursor: string | null;
  /**
   * Rows matching the search and filters. Exact for the plain list and the relationship and
   * tag filters; a search (`q`), or `asOf` without a tag, counts up to `SEARCH_TOTAL_CAP` rows:
   * when more match, `total` is the cap and `totalExact` is false.
   */
  readonly total: number;
  readonly totalExact: boolean;
}

/**
 * One page of the partner's customer list (or of the list as it was at `asOf`), with the total
 * of rows matching. Keyset paging on (sort value, customer id, relationship): a row added while
 * a client pages never shifts the rows it has not seen yet, so every row is returned once.
 */
export function queryCustomerList(
  db: Database.Database,
  request: CustomerListRequest,
): CustomerListPage {
  const filter = rowFilter(db, request);
  if (filter.noRows) return { items: [], nextCursor: null, total: 0, totalExact: true };
  const query = pageQuery(request, filter);
  const term = request.q === undefined ? '' : searchTermOf(request.q);
  let rows: ListRow[];
  let total: Total;
  if (term !== '') ({ rows, total } = searched(db, query, term));
  else {
    total = listTotal(db, query);
    rows = filter.tagIds === undefined ? walk(db, query) : taggedPage(db, query, total.total);
  }
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: itemsOf(db, request, page),
    nextCursor:
      rows.length > request.limit && last
        ? encodeCursor(request.sort, [last.sort_value, last.customer_id, last.relationship])
        : null,
    ...total,
  };
}

function searched(db: Database.Database, query: PageQuery, term: string) {
  const search = searchedPage(db, query, term);
  return { rows: search.rows, total: searchTotal(db, query, search.plan) };
}

function itemsOf(
  db: Database.Database,
  request: CustomerListRequest,
  rows: readonly ListRow[],
): CustomerListItem[] {
  if (rows.length === 0) return [];
  const customers = new Map(
    (
      cached(
        db,
        `SELECT id, company_name, domain FROM customers
         WHERE id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(rows.map((row) => row.customer_ref))) as {
        id: number;
        company_name: string;
        domain: string;
      }[]
    ).map((customer) => [customer.id, customer]),
  );
  const tags = tagsOf(db, request, rows);
  return rows.map((row) => ({
    id: row.customer_id,
    companyName: customers.get(row.customer_ref)!.company_name,
    domain: customers.get(row.customer_ref)!.domain,
    relationship: row.relationship,
    tags: tags.get(row.customer_id) ?? [],
    createdAt: row.established_at,
  }));
}

function tagsOf(
  db: Database.Database,
  request: CustomerListRequest,
  rows: readonly ListRow[],
): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  const found = cached(
    db,
    `SELECT a.customer_id, t.name FROM tag_assignments a
     INDEXED BY ${request.asOf === undefined ? 'tag_assignments_current' : 'tag_assignments_history'}
     JOIN tags t ON t.partner_id = a.partner_id AND t.tag_id = a.tag_id
     WHERE a.partner_id = @partnerId
       AND a.customer_id IN (SELECT value FROM json_each(@customers))
       AND ${assignmentAlive(request.asOf)} AND ${tagAlive(request.asOf)}
     ORDER BY t.name_key, t.name`,
  ).all({
    partnerId: request.partnerId,
    customers: JSON.stringify([...new Set(rows.map((row) => row.customer_id))]),
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
  }) as { customer_id: string; name: string }[];
  for (const { customer_id, name } of found) {
    tags.set(customer_id, [...(tags.get(customer_id) ?? []), name]);
  }
  return tags;
}
