import type Database from 'better-sqlite3';
import { type CustomerListSort, decodeCursor, encodeCursor } from './customer-list.cursor.js';
import { foldForComparison, searchTermOf } from './search-key.js';

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
  readonly total: number;
}

interface Row {
  customer_id: string;
  company_name: string;
  domain: string;
  relationship: string;
  established_at: string;
  sort_value: string | number;
}

const SORT_COLUMN: Record<string, string> = {
  companyName: 'r.name_key',
  domain: 'r.domain_key',
  createdAt: 'r.established_position',
};

/** Fewer characters than a trigram: searched by a scan instead of the index. */
const MIN_INDEXED_TERM = 3;

/**
 * One page of the partner's customer list (or of the list as it was at `asOf`), with the total
 * of rows matching. Keyset paging on (sort value, customer id, relationship): a row added while
 * a client pages never shifts the rows it has not seen yet, so every row is returned once.
 */
export function queryCustomerList(db: Database.Database, request: CustomerListRequest) {
  const where = conditions(request);
  const descending = request.sort.startsWith('-');
  const column = SORT_COLUMN[request.sort.replace('-', '')]!;
  const keyColumns = `(${column}, r.customer_id, r.relationship)`;
  const params: Record<string, unknown> = { ...where.params, limit: request.limit + 1 };
  let keyset = '';
  if (request.cursor !== undefined) {
    const [k0, k1, k2] = decodeCursor(request.cursor, request.sort);
    Object.assign(params, { k0, k1, k2 });
    keyset = `AND ${keyColumns} ${descending ? '<' : '>'} (@k0, @k1, @k2)`;
  }
  const direction = descending ? 'DESC' : 'ASC';
  const rows = cached(
    db,
    `SELECT r.customer_id, c.company_name, c.domain, r.relationship, r.established_at,
       ${column} AS sort_value
     FROM list_rows r JOIN customers c ON c.id = r.customer_ref
     WHERE ${where.sql} ${keyset}
     ORDER BY ${column} ${direction}, r.customer_id ${direction}, r.relationship ${direction}
     LIMIT @limit`,
  ).all(params) as Row[];
  const total = cached(
    db,
    `SELECT count(*) FROM list_rows r JOIN customers c ON c.id = r.customer_ref
     WHERE ${where.sql}`,
  )
    .pluck()
    .get(where.params) as number;
  const page = rows.slice(0, request.limit);
  const tags = tagsOf(db, request, page);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.customer_id,
      companyName: row.company_name,
      domain: row.domain,
      relationship: row.relationship,
      tags: tags.get(row.customer_id) ?? [],
      createdAt: row.established_at,
    })),
    nextCursor:
      rows.length > request.limit && last
        ? encodeCursor(request.sort, [last.sort_value, last.customer_id, last.relationship])
        : null,
    total,
  } satisfies CustomerListPage;
}

function conditions(request: CustomerListRequest) {
  const params: Record<string, unknown> = { partnerId: request.partnerId };
  const sql = ['r.partner_id = @partnerId'];
  if (request.asOf === undefined) sql.push('r.removed_position IS NULL');
  else {
    params.asOf = request.asOf;
    sql.push('r.established_at <= @asOf AND (r.removed_at IS NULL OR r.removed_at > @asOf)');
  }
  if (request.relationship !== undefined) {
    params.relationship = request.relationship;
    sql.push('r.relationship = @relationship');
  }
  const term = request.q === undefined ? '' : searchTermOf(request.q);
  if (term.length >= MIN_INDEXED_TERM) {
    params.match = `"${term.replaceAll('"', '""')}"`;
    sql.push('r.customer_ref IN (SELECT rowid FROM customer_search WHERE search_key MATCH @match)');
  } else if (term.length > 0) {
    params.term = term;
    sql.push(
      '(instr(c.name_key, @term) OR instr(c.domain_key, @term) OR instr(lower(c.customer_id), @term))',
    );
  }
  if (request.tag !== undefined) {
    params.tagKey = foldForComparison(request.tag);
    sql.push(`EXISTS (SELECT 1 FROM tag_assignments a
      JOIN tags t ON t.partner_id = a.partner_id AND t.tag_id = a.tag_id
      WHERE a.partner_id = r.partner_id AND a.customer_id = r.customer_id
        AND t.name_key = @tagKey AND ${tagAlive(request.asOf)})`);
  }
  return { sql: sql.join(' AND '), params };
}

/** Assignment and tag both alive: now, or at `asOf`. */
function tagAlive(asOf: string | undefined): string {
  return asOf === undefined
    ? 'a.unassigned_at IS NULL AND t.deleted_at IS NULL'
    : `a.assigned_at <= @asOf AND (a.unassigned_at IS NULL OR a.unassigned_at > @asOf)
       AND t.created_at <= @asOf AND (t.deleted_at IS NULL OR t.deleted_at > @asOf)`;
}

function tagsOf(
  db: Database.Database,
  request: CustomerListRequest,
  rows: readonly Row[],
): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  if (rows.length === 0) return tags;
  const found = cached(
    db,
    `SELECT a.customer_id, t.name FROM tag_assignments a
     JOIN tags t ON t.partner_id = a.partner_id AND t.tag_id = a.tag_id
     WHERE a.partner_id = @partnerId
       AND a.customer_id IN (SELECT value FROM json_each(@customers))
       AND ${tagAlive(request.asOf)}
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

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements per connection and SQL text (the filters make a handful of shapes). */
function cached(db: Database.Database, sql: string): Database.Statement {
  let statements = statementCache.get(db);
  if (!statements) statementCache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
