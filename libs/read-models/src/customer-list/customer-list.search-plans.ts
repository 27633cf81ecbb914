import type Database from 'better-sqlite3';
import {
  columns,
  indexOf,
  type ListRow,
  MATCHES,
  type PageQuery,
  partnerRowCount,
  TAG_DRIVEN_MAX,
  taggedCustomerCount,
  taggedPage,
  walk,
} from './customer-list.plans.js';
import { INDEXED_MATCHES, indexedTerm, partnerRefOf } from './customer-list.search.js';
import { cached } from './customer-list.statements.js';

/**
 * How a search reads its rows. `walk`: the sort index in order, testing each row's search key
 * (cheap when the term is common, as a page fills fast; the only way for a one-letter term).
 * `index`: the partner's matches in the search index (cheap when the term is rare).
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
  // The index holds a partner's rows in the order they were established: that order's page is
  // its first matches, read without sorting (the walk could not do better).
  if (query.order.column === 'established_position') {
    return { rows: inCreationOrder(db, query), plan: { kind: 'index', match } };
  }
  // The history indexes (asOf) hold no search key: walking them reads every row.
  if (upperBound > RARE_TERM && query.request.asOf === undefined) {
    // Common: the page most likely fills within a few thousand rows of the order. When it does
    // not (the matches gather elsewhere in the order), the index's matches are read after all.
    const expected = ((query.request.limit + 1) * partnerRows) / upperBound;
    const budget = Math.round(Math.min(Math.max(3 * expected, 4_000), 20_000));
    const rows = budgetedWalk(db, query, budget);
    if (rows.length > query.request.limit) return { rows, plan: { kind: 'index', match } };
  }
  return { rows: sortedFromIndex(db, query), plan: { kind: 'index', match } };
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

/**
 * The page in creation order, straight from the index: a partner's rowids grow with the list
 * rows' ids, which grow with `established_position` (rows are only ever appended).
 */
function inCreationOrder(db: Database.Database, query: PageQuery): ListRow[] {
  const { filter, order, keyset, params } = query;
  return cached(
    db,
    `SELECT ${columns(order)} FROM ${INDEXED_MATCHES} AND ${filter.base} ${keyset} ${filter.tag}
     ORDER BY s.rowid ${order.descending ? 'DESC' : 'ASC'} LIMIT @limit`,
  ).all(params) as ListRow[];
}

/** Every match of the partner's part of the index that passes the filters, sorted: the page. */
function sortedFromIndex(db: Database.Database, query: PageQuery): ListRow[] {
  const { filter, order, keyset, params } = query;
  return cached(
    db,
    `SELECT ${columns(order)} FROM ${INDEXED_MATCHES} AND ${filter.base} ${keyset} ${filter.tag}
     ORDER BY ${order.orderBy} LIMIT @limit`,
  ).all(params) as ListRow[];
}
