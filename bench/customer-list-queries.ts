import type Database from 'better-sqlite3';
import {
  CUSTOMER_LIST_SORTS,
  type CustomerListRequest,
  queryCustomerList,
} from '@customer-workspace/read-models';
import { BIG_PARTNER } from './big-partner.steps.js';

/** A list request of the mix, named for the per-shape figures. */
export interface ListQuery {
  readonly label: string;
  readonly request: CustomerListRequest;
}

const DEFAULT_PAGE = 50;

/** Search terms as agents type them: with accents and without, two letters and longer. */
const TYPED_TERMS = [
  'ko',
  'gy',
  'ña',
  'Žluť',
  'zlut',
  'Müller',
  'muller',
  'Győr',
  'gyor',
  'Peña',
  'pena',
  'Łódz',
  'lodz',
  'Ómega',
  'logistik',
  'szolgáltató',
  'consultoria',
  'fabrikam sys',
  'onmicrosoft',
  'qxzv',
];

function request(fields: Partial<CustomerListRequest>): CustomerListRequest {
  return { partnerId: BIG_PARTNER, sort: 'companyName', limit: DEFAULT_PAGE, ...fields };
}

/**
 * Customers of the big partner to search by id and domain (every 9973rd row; on the smaller
 * lists of `scaling.list`, every 997th or 97th).
 */
function sampleCustomers(db: Database.Database): { id: string; domain: string }[] {
  const every = db.prepare<[string, number], { id: string; domain: string }>(
    `SELECT r.customer_id AS id, c.domain FROM list_rows r JOIN customers c ON c.id = r.customer_ref
     WHERE r.partner_id = ? AND r.removed_position IS NULL AND r.id % ? = 0 LIMIT 3`,
  );
  let found: { id: string; domain: string }[] = [];
  for (const stride of [9973, 997, 97]) {
    found = every.all(BIG_PARTNER, stride);
    if (found.length === 3) break;
  }
  return found;
}

/**
 * The search mix: typed terms, parts of real ids and domains (hex pairs too), each under
 * another sort; the plain list under every sort; tag and relationship filters; next pages.
 */
export function listQueries(db: Database.Database): ListQuery[] {
  const [one, two, three] = sampleCustomers(db);
  if (!one || !two || !three) throw new Error('The big partner has too few customers');
  const terms = [
    ...TYPED_TERMS,
    one.id.slice(0, 2),
    one.id.slice(0, 8),
    two.id,
    three.id.slice(9, 18).toUpperCase(),
    two.domain,
    three.domain.slice(0, 10),
  ];
  const queries: ListQuery[] = terms.map((q, n) => {
    const sort = CUSTOMER_LIST_SORTS[n % CUSTOMER_LIST_SORTS.length]!;
    return { label: `q=${q} sort=${sort}`, request: request({ q, sort }) };
  });
  for (const sort of CUSTOMER_LIST_SORTS)
    queries.push({ label: `sort=${sort}`, request: request({ sort }) });
  queries.push(
    { label: 'tag=VIP', request: request({ tag: 'VIP' }) },
    {
      label: 'tag=kiemelt ugyfel -createdAt',
      request: request({ tag: 'kiemelt ugyfel', sort: '-createdAt' }),
    },
    { label: 'tag=Migración q=gyor', request: request({ tag: 'Migración', q: 'gyor' }) },
    {
      label: 'tag=Upsell q=ko domain',
      request: request({ tag: 'Upsell', q: 'ko', sort: 'domain' }),
    },
    {
      label: 'relationship createdAt',
      request: request({ relationship: 'direct-reseller', sort: 'createdAt' }),
    },
  );
  queries.push(...nextPages(db, queries));
  return queries;
}

/** The second page of a few shapes (cursor taken from their first page). */
function nextPages(db: Database.Database, first: readonly ListQuery[]): ListQuery[] {
  const wanted = ['sort=companyName', 'sort=-createdAt', 'q=logistik sort=companyName', 'tag=VIP'];
  return first
    .filter((query) => wanted.includes(query.label))
    .flatMap(({ label, request: firstPage }) => {
      const cursor = queryCustomerList(db, firstPage).nextCursor;
      return cursor === null
        ? []
        : [{ label: `${label} page 2`, request: { ...firstPage, cursor } }];
    });
}

/** `count` instants spread over the list's history (its first and last establishment). */
export function asOfInstants(db: Database.Database, count: number): string[] {
  const { first, last } = db
    .prepare(
      `SELECT min(established_at) AS first, max(established_at) AS last FROM list_rows
       WHERE partner_id = ?`,
    )
    .get(BIG_PARTNER) as { first: string; last: string };
  const from = Date.parse(first);
  const span = Date.parse(last) - from;
  return Array.from({ length: count }, (_, n) =>
    new Date(from + ((n + 1) / (count + 1)) * span).toISOString(),
  );
}

/** `asOf` at `instants` instants, under sorts, with a term (indexed and scanned), a tag. */
export function asOfQueries(db: Database.Database, instants: number): ListQuery[] {
  return asOfInstants(db, instants).flatMap((asOf) => [
    { label: `asOf sort=companyName`, request: request({ asOf }) },
    { label: `asOf sort=-createdAt`, request: request({ asOf, sort: '-createdAt' }) },
    { label: `asOf sort=domain`, request: request({ asOf, sort: 'domain' }) },
    { label: `asOf q=logistik`, request: request({ asOf, q: 'logistik' }) },
    { label: `asOf q=ko`, request: request({ asOf, q: 'ko', sort: '-domain' }) },
    { label: `asOf tag=VIP`, request: request({ asOf, tag: 'VIP' }) },
  ]);
}
