import { ProjectionHarness } from '../testing/projection-harness.js';
import { added, established, tagAssigned, tagCreated } from './customer-list.fixtures.js';
import { customerListProjection } from './customer-list.projection.js';
import {
  type CustomerListRequest,
  queryCustomerList,
  SEARCH_TOTAL_CAP,
} from './customer-list.query.js';
import { searchTermOf } from './search-key.js';

const P = 'p-1';
/** Above the size a list is walked whole at: searches go through the trigram index. */
const CUSTOMERS = 12_000;
const WORDS = ['Kovács', 'Alpha', 'Beta', 'Nováková', 'Zeta', 'Qxy'];

// Rare names (every 997th), common ones, and names clustered in the order (every Kovács).
const nameOf = (n: number) =>
  `${WORDS[n % 997 === 0 ? 5 : n % 5]!} ${n % 997 === 0 ? 'Rarissimo' : 'Trading'} ${n}`;
const idOf = (n: number) => `c-${n.toString(16).padStart(5, '0')}`;

describe('customer list search over a large list: every plan answers the same', () => {
  let h: ProjectionHarness;
  beforeAll(() => {
    h = new ProjectionHarness(customerListProjection);
    const events = [];
    for (let n = 0; n < CUSTOMERS; n++) {
      events.push(added(idOf(n), nameOf(n), `d${n}.example`), established(P, idOf(n)));
    }
    // Another partner's rows (its own customers and some of P's) match every term too: P's
    // searches must not see them, whatever the plan.
    for (let n = 0; n < 2_000; n++) {
      events.push(added(`o-${n}`, `${nameOf(n)} Rarissimo Kovács Qxy`, `ab1${n}.example`));
      events.push(established('p-2', n % 2 === 0 ? `o-${n}` : idOf(n * 5)));
    }
    h.given(...events, tagCreated(P, 't-1', 'VIP'));
    h.given(...Array.from({ length: 40 }, (_, n) => tagAssigned(P, idOf(n * 7), 't-1')));
  });
  afterAll(() => h.close());

  /** The expected rows: every customer whose key holds the term, in the sort's order. */
  function expected(q: string) {
    const term = searchTermOf(q);
    return Array.from({ length: CUSTOMERS }, (_, n) => n)
      .filter((n) =>
        `${nameOf(n)}\u0001d${n}.example\u0001${idOf(n)}`
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .includes(term),
      )
      .map(idOf);
  }

  /** Every page of a request, following the cursors. */
  function all(request: Partial<CustomerListRequest>) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = queryCustomerList(h.db, {
        partnerId: P,
        sort: 'createdAt',
        limit: 500,
        ...request,
        ...(cursor === undefined ? {} : { cursor }),
      });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it.each([
    ['rarissimo', 'rare: the index'],
    ['trading', 'common: the walk'],
    ['kovacs', 'common, gathered in the order'],
    ['qx', 'two letters, rare'],
    ['ko', 'two letters, common'],
    ['q', 'one letter'],
    ['zz', 'two letters in no row'],
    ['ab1', 'in ids only'],
  ])('q=%j (%s) pages through every match once, in order', (q) => {
    expect(all({ q })).toEqual(expected(q));
    expect(all({ q, sort: '-companyName' }).sort()).toEqual(expected(q).sort());
  });

  it('counts matches up to the cap and says whether the total is exact', () => {
    const few = queryCustomerList(h.db, { partnerId: P, sort: 'domain', limit: 5, q: 'rarissimo' });
    expect(few).toMatchObject({ total: expected('rarissimo').length, totalExact: true });
    const many = queryCustomerList(h.db, { partnerId: P, sort: 'domain', limit: 5, q: 'trading' });
    expect(expected('trading').length).toBeGreaterThan(SEARCH_TOTAL_CAP);
    expect(many).toMatchObject({ total: SEARCH_TOTAL_CAP, totalExact: false });
  });

  it('keeps the plain list and a tag filter exact', () => {
    const list = queryCustomerList(h.db, { partnerId: P, sort: 'domain', limit: 5 });
    expect(list).toMatchObject({ total: CUSTOMERS, totalExact: true });
    const tagged = queryCustomerList(h.db, { partnerId: P, sort: 'domain', limit: 5, tag: 'vip' });
    expect(tagged).toMatchObject({ total: 40, totalExact: true });
    expect(all({ tag: 'vip', q: 'kovacs' })).toEqual(
      expected('kovacs').filter(
        (id) => parseInt(id.slice(2), 16) % 7 === 0 && parseInt(id.slice(2), 16) < 280,
      ),
    );
  });
});
