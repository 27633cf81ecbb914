import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  openReadModelForWriting,
  ReadModelVersionMismatch,
} from '../projection/read-model-database.js';
import { ProjectionHarness } from '../testing/projection-harness.js';
import { rowFilter } from './customer-list.filters.js';
import { added, established, removed } from './customer-list.fixtures.js';
import { pageQuery } from './customer-list.plans.js';
import { customerListProjection } from './customer-list.projection.js';
import { type CustomerListRequest, queryCustomerList } from './customer-list.query.js';
import { searchedPage } from './customer-list.search-plans.js';
import { indexedTerm, partnerRefOf } from './customer-list.search.js';
import { searchTermOf } from './search-key.js';

const BIG = 'p-big';
const OTHER = 'p-other';
/** Above the size a list is walked whole at: the big partner's searches use the index. */
const BIG_ROWS = 10_200;
const OTHER_ROWS = 3_000;
const RARE = Math.ceil(BIG_ROWS / 600);

describe('customer list search index, keyed by partner', () => {
  let h: ProjectionHarness;
  beforeAll(() => {
    h = new ProjectionHarness(customerListProjection);
    const events = [];
    for (let n = 0; n < BIG_ROWS; n++) {
      const name = n % 600 === 0 ? `Rarissimo Alpha ${n}` : `Alpha Trading ${n}`;
      events.push(added(`c-${n}`, name, `big${n}.example`), established(BIG, `c-${n}`));
    }
    // The other partner holds the rare term everywhere, and some of the big one's customers.
    for (let n = 0; n < OTHER_ROWS; n++) {
      events.push(added(`o-${n}`, `Rarissimo Other ${n}`, `other${n}.example`));
      events.push(established(OTHER, n % 2 === 0 ? `o-${n}` : `c-${n * 3}`));
    }
    events.push(added('c-abcd', 'Abcd Cdef', 'ab.example'), established(BIG, 'c-abcd'));
    events.push(removed(BIG, 'c-600'));
    h.given(...events);
  });
  afterAll(() => h.close());

  const request = (fields: Partial<CustomerListRequest>): CustomerListRequest => ({
    partnerId: BIG,
    sort: 'companyName',
    limit: 50,
    ...fields,
  });
  const planOf = (fields: Partial<CustomerListRequest>) => {
    const query = pageQuery(request(fields), rowFilter(h.db, request(fields)));
    return searchedPage(h.db, query, searchTermOf(fields.q ?? '')).plan;
  };
  const candidates = (partnerId: string, term: string) =>
    indexedTerm(h.db, partnerRefOf(h.db, partnerId), term, 1_000_000).upperBound;

  it("counts a term's candidates among the partner's own rows only", () => {
    expect(candidates(BIG, 'rarissimo')).toBe(RARE);
    expect(candidates(OTHER, 'rarissimo')).toBe(OTHER_ROWS / 2);
    expect(candidates('p-none', 'rarissimo')).toBe(0);
  });

  it("never shows a partner another's rows through the index", () => {
    const page = queryCustomerList(h.db, request({ q: 'rarissimo', limit: 100 }));
    expect(planOf({ q: 'rarissimo' })).toMatchObject({ kind: 'index' });
    expect(page.items.map((item) => item.id).sort()).toEqual(
      Array.from({ length: RARE }, (_, n) => `c-${n * 600}`)
        .filter((id) => id !== 'c-600')
        .sort(),
    );
    expect(page).toMatchObject({ total: RARE - 1, totalExact: true });
    // The other partner shares customers named "Alpha Trading", none "Rarissimo Alpha".
    const other = queryCustomerList(h.db, request({ partnerId: OTHER, q: 'rarissimo alpha' }));
    expect(other).toMatchObject({ total: 0, items: [] });
  });

  it('finds the removed row as of before its removal, through the index', () => {
    const asOf = new Date(Date.UTC(2026, 0, 1) + 2 * BIG_ROWS).toISOString();
    const page = queryCustomerList(h.db, request({ q: 'rarissimo', limit: 100, asOf }));
    expect(page.items.map((item) => item.id)).toContain('c-600');
    expect(page.total).toBe(RARE);
  });

  it("matches a long term by its rarest trigrams among the partner's rows", () => {
    // Covered by big, 101, 99., xam, mpl, ple: all but two are in every row of the partner.
    const { match } = indexedTerm(h.db, partnerRefOf(h.db, BIG), 'big10199.example', 10);
    expect(match?.split(' AND ')).toHaveLength(4);
    expect(match?.split(' AND ').slice(0, 2).sort()).toEqual(['"101"', '"99."']);
  });

  it('tests each candidate key: holding every trigram of a term is not holding the term', () => {
    expect(candidates(BIG, 'abcdef')).toBe(1);
    const page = queryCustomerList(h.db, request({ q: 'abcdef' }));
    expect(page).toMatchObject({ items: [], total: 0, totalExact: true });
    expect(queryCustomerList(h.db, request({ q: 'big10199.example' })).items).toHaveLength(1);
  });

  const index = { kind: 'index', match: expect.any(String) };
  it.each([
    ['a rare term: all its matches', { q: 'rarissimo' }, index],
    ['in creation order: the first matches', { q: 'rarissimo', sort: '-createdAt' }, index],
    ['a common term: the order walked a while', { q: 'trading' }, index],
    ['a small list: walked', { q: 'rarissimo', partnerId: OTHER }, { kind: 'walk' }],
    ['a term in no row', { q: 'zzz' }, { kind: 'none' }],
    ['a partner without rows', { q: 'rarissimo', partnerId: 'p-none' }, { kind: 'none' }],
  ] as const)('plans %s', (_, fields, plan) => {
    expect(planOf(fields)).toEqual(plan);
  });

  it('pages a creation-order search straight from the index, each match once', () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = queryCustomerList(
        h.db,
        request({ q: 'rarissimo', sort: '-createdAt', limit: 4, ...(cursor && { cursor }) }),
      );
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = Array.from({ length: RARE }, (_, n) => `c-${n * 600}`).reverse();
    expect(ids).toEqual(expected.filter((id) => id !== 'c-600'));
  });
});

describe('customer list files of an earlier version', () => {
  it('are refused (rebuilt by the api): v2 had the search index shared by all partners', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-customer-list-'));
    try {
      const file = join(dir, 'customer-list.db');
      openReadModelForWriting(file, { ...customerListProjection, version: 2 }).close();
      expect(() => openReadModelForWriting(file, customerListProjection)).toThrow(
        ReadModelVersionMismatch,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
