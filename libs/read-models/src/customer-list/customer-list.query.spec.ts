import { ProjectionHarness } from '../testing/projection-harness.js';
import {
  added,
  established,
  removed,
  tagAssigned,
  tagCreated,
  tagDeleted,
  tagUnassigned,
} from './customer-list.fixtures.js';
import { InvalidCursor } from '../read-model.errors.js';
import { customerListProjection } from './customer-list.projection.js';
import { type CustomerListRequest, queryCustomerList } from './customer-list.query.js';

const P = 'p-1';
const list = (h: ProjectionHarness, request: Partial<CustomerListRequest> = {}) =>
  queryCustomerList(h.db, { partnerId: P, sort: 'companyName', limit: 50, ...request });
const names = (h: ProjectionHarness, request: Partial<CustomerListRequest> = {}) =>
  list(h, request).items.map((item) => item.companyName);

const customers: [string, string, string][] = [
  ['c-omega', 'Omega a.s.', 'omega.cz'],
  ['c-omega2', 'Ómega Šťastný', 'stastny.onmicrosoft.com'],
  ['c-gyor', 'Győri Keksz Kft.', 'gyori.hu'],
  ['c-alpha', 'alpha GmbH', 'zeta.example'],
  ['c-beta', 'Beta', 'alpha.example'],
];

describe('customer list queries', () => {
  let h: ProjectionHarness;
  beforeEach(() => {
    h = new ProjectionHarness(customerListProjection);
    for (const [id, name, domain] of customers)
      h.given(added(id, name, domain), established(P, id));
  });
  afterEach(() => h.close());

  describe('search: any part of name, domain or Microsoft ID, ignoring case and accents', () => {
    it.each([
      ['stastn', ['Ómega Šťastný']],
      ['ŠŤASTNÝ', ['Ómega Šťastný']],
      ['omega', ['Omega a.s.', 'Ómega Šťastný']],
      ['gyor', ['Győri Keksz Kft.']],
      ['GYŐRI', ['Győri Keksz Kft.']],
      ['keksz', ['Győri Keksz Kft.']],
      ['onmicrosoft', ['Ómega Šťastný']],
      ['alpha', ['alpha GmbH', 'Beta']],
      ['c-gyo', ['Győri Keksz Kft.']],
      ['a.s', ['Omega a.s.']],
      ['zz', []],
      ['"', []],
    ])('q=%j finds %j', (q, expected) => expect(names(h, { q })).toEqual(expected));

    it('matches short terms (under three characters) too', () => {
      expect(names(h, { q: 'GY' })).toEqual(['Győri Keksz Kft.']);
      expect(names(h, { q: 'Ő' })).toEqual(['Győri Keksz Kft.', 'Omega a.s.', 'Ómega Šťastný']);
    });

    it('counts the matches in total', () => expect(list(h, { q: 'omega' }).total).toBe(2));
  });

  describe('sort', () => {
    it('by company name ignoring case and accents (Ómega sorts with Omega)', () =>
      expect(names(h)).toEqual([
        'alpha GmbH',
        'Beta',
        'Győri Keksz Kft.',
        'Omega a.s.',
        'Ómega Šťastný',
      ]));

    it('by company name descending', () =>
      expect(names(h, { sort: '-companyName' })).toEqual([
        'Ómega Šťastný',
        'Omega a.s.',
        'Győri Keksz Kft.',
        'Beta',
        'alpha GmbH',
      ]));

    it('by domain', () =>
      expect(list(h, { sort: 'domain' }).items.map((i) => i.domain)).toEqual([
        'alpha.example',
        'gyori.hu',
        'omega.cz',
        'stastny.onmicrosoft.com',
        'zeta.example',
      ]));

    it('by creation (when the row entered the list)', () =>
      expect(list(h, { sort: 'createdAt' }).items.map((i) => i.id)).toEqual(
        customers.map(([id]) => id),
      ));
  });

  it('filters by relationship and by tag name (ignoring case), combinable with search', () => {
    h.given(
      established(P, 'c-beta', 'indirect-reseller'),
      tagCreated(P, 't-1', 'Klíčový'),
      tagAssigned(P, 'c-beta', 't-1'),
      tagAssigned(P, 'c-gyor', 't-1'),
    );
    expect(names(h, { relationship: 'indirect-reseller' })).toEqual(['Beta']);
    expect(names(h, { tag: 'klíčový' })).toEqual(['Beta', 'Beta', 'Győri Keksz Kft.']);
    expect(names(h, { tag: 'KLICOVY', relationship: 'direct-reseller', q: 'gy' })).toEqual([
      'Győri Keksz Kft.',
    ]);
    expect(names(h, { tag: 'unknown' })).toEqual([]);
  });

  it('pages with a cursor that stays correct while rows are added: every row exactly once', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let added_ = 0;
    do {
      const page = list(h, { limit: 2, cursor });
      seen.push(...page.items.map((i) => `${i.id}:${i.relationship}`));
      cursor = page.nextCursor ?? undefined;
      // New rows both before and after the cursor's position.
      if (added_ < 2) {
        h.given(added(`c-new${added_}`, added_ ? 'Zulu' : 'Aardvark', 'x.example'));
        h.given(established(P, `c-new${added_}`));
        added_++;
      }
    } while (cursor);
    expect(seen.filter((row) => !row.startsWith('c-new'))).toEqual(
      expect.arrayContaining(customers.map(([id]) => `${id}:direct-reseller`)),
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('c-new1:direct-reseller');
    expect(seen).not.toContain('c-new0:direct-reseller');
  });

  it('refuses a cursor made for another sort, or not made by us', () => {
    const { nextCursor } = list(h, { limit: 1 });
    expect(() => list(h, { sort: 'domain', cursor: nextCursor! })).toThrow(InvalidCursor);
    expect(() => list(h, { cursor: 'bm9wZQ' })).toThrow(InvalidCursor);
  });

  describe('asOf: the list as it was at that moment', () => {
    beforeEach(() =>
      h.given(
        added('c-t', 'Timely', 't.example', '2026-03-01T00:00:00.000Z'),
        established(P, 'c-t', 'direct-reseller', '2026-03-01T00:00:00.000Z'),
        tagCreated(P, 't-x', 'Gold', '2026-03-02T00:00:00.000Z'),
        tagAssigned(P, 'c-t', 't-x', '2026-03-03T00:00:00.000Z'),
        removed(P, 'c-t', 'direct-reseller', '2026-03-05T00:00:00.000Z'),
        tagUnassigned(P, 'c-t', 't-x', '2026-03-06T00:00:00.000Z'),
        tagDeleted(P, 't-x', 'Gold', '2026-03-07T00:00:00.000Z'),
      ),
    );
    const timely = (asOf: string) =>
      list(h, { asOf, q: 'timely' }).items.map((i) => ({ id: i.id, tags: i.tags }));

    it('before the customer existed: not there', () =>
      expect(timely('2026-02-28T23:59:59.999Z')).toEqual([]));
    it('after it was added: there, untagged', () =>
      expect(timely('2026-03-01T00:00:00.000Z')).toEqual([{ id: 'c-t', tags: [] }]));
    it('after the tag was assigned: with the tag', () =>
      expect(timely('2026-03-04T00:00:00.000Z')).toEqual([{ id: 'c-t', tags: ['Gold'] }]));
    it('after the removal: gone again', () =>
      expect(timely('2026-03-05T00:00:00.000Z')).toEqual([]));
    it('filters by a tag as it was then (deleted since)', () =>
      expect(names(h, { asOf: '2026-03-04T00:00:00.000Z', tag: 'gold' })).toEqual(['Timely']));
    it('now: gone', () => expect(list(h, { q: 'timely' }).total).toBe(0));
  });
});
