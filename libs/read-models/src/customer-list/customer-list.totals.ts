import type Database from 'better-sqlite3';
import { taggedCustomers } from './customer-list.filters.js';
import { indexOf, type PageQuery, pageOrder, rowsOfCustomer } from './customer-list.plans.js';
import type { SearchPlan } from './customer-list.search-plans.js';
import { INDEXED_MATCHES } from './customer-list.search.js';
import { cached } from './customer-list.statements.js';

/**
 * A search (and a list as of a past instant) counts its rows up to this many. Counting every
 * match of a term found in most rows costs more than the whole page may (the trigram index
 * alone needs ~45 ms for a term in 100k rows); counting the first thousand costs ~1–2 ms
 * whatever the term.
 */
export const SEARCH_TOTAL_CAP = 1_000;

export interface Total {
  readonly total: number;
  /** False when more rows match than were counted (`total` is then a lower bound). */
  readonly totalExact: boolean;
}

/**
 * The total of a list without a search term: exact, from the counters or the tag's
 * assignments; as of a past instant (no counter holds it) counted up to the cap.
 */
export function listTotal(db: Database.Database, query: PageQuery): Total {
  const { request, filter, params } = query;
  let sql: string;
  if (filter.tagIds !== undefined) {
    // Index-only: the tag's assignments, each probing the partner's rows of that customer.
    sql = `SELECT count(*) FROM ${taggedCustomers(request.asOf)} a
      CROSS JOIN ${rowsOfCustomer(request.asOf)} WHERE ${filter.base}`;
  } else if (request.asOf !== undefined) {
    return capped(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM list_rows r INDEXED BY list_rows_history_by_created
        WHERE ${filter.base} LIMIT @cap)`,
      params,
    );
  } else {
    sql = `SELECT coalesce(sum(row_count), 0) FROM list_counts r
      WHERE ${request.relationship === undefined ? '' : 'r.relationship = @relationship AND'}
        r.partner_id = @partnerId`;
  }
  return { total: cached(db, sql).pluck().get(params) as number, totalExact: true };
}

/** The total of a search: its matches counted up to `SEARCH_TOTAL_CAP`. */
export function searchTotal(db: Database.Database, query: PageQuery, plan: SearchPlan): Total {
  if (plan.kind === 'none') return { total: 0, totalExact: true };
  const { filter, params } = query;
  const source = {
    index: `${INDEXED_MATCHES} AND`,
    tagged: `${taggedCustomers(query.request.asOf)} a CROSS JOIN ${rowsOfCustomer(query.request.asOf)}
      WHERE instr(r.search_key, @term) AND`,
    walk: `list_rows r INDEXED BY ${indexOf({ ...query, order: pageOrder('createdAt') })}
      WHERE instr(r.search_key, @term) AND`,
  }[plan.kind];
  return capped(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM ${source} ${filter.base} ${filter.tag} LIMIT @cap)`,
    params,
  );
}

function capped(db: Database.Database, sql: string, params: Record<string, unknown>): Total {
  const counted = cached(db, sql)
    .pluck()
    .get({ ...params, cap: SEARCH_TOTAL_CAP + 1 }) as number;
  return { total: Math.min(counted, SEARCH_TOTAL_CAP), totalExact: counted <= SEARCH_TOTAL_CAP };
}
