import { ProjectionFailed } from '../projection/batch-applier.js';
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
import { customerListProjection } from './customer-list.projection.js';
import { type CustomerListRequest, queryCustomerList } from './customer-list.query.js';

const P = 'p-1';
const list = (h: ProjectionHarness, request: Partial<CustomerListRequest> = {}) =>
  queryCustomerList(h.db, { partnerId: P, sort: 'companyName', limit: 50, ...request });
const rows = (h: ProjectionHarness, request: Partial<CustomerListRequest> = {}) =>
  list(h, request).items.map((item) => `${item.id}:${item.relationship}`);

describe('customer list projection (docs/product.md rule 1)', () => {
  let h: ProjectionHarness;
  beforeEach(() => (h = new ProjectionHarness(customerListProjection)));
  afterEach(() => h.close());

  it('lists a customer the partner added, as a row of its relationship', () => {
    h.given(added('c-1', 'Contoso', 'contoso.onmicrosoft.com'), established(P, 'c-1'));
    expect(list(h)).toEqual({
      items: [
        {
          id: 'c-1',
          companyName: 'Contoso',
          domain: 'contoso.onmicrosoft.com',
          relationship: 'direct-reseller',
          tags: [],
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
      total: 1,
      totalExact: true,
    });
  });

  it('shows a dual partner one row per relationship with the same customer', () => {
    h.given(
      added('c-1', 'Contoso', 'contoso.example'),
      established(P, 'c-1', 'direct-reseller'),
      established(P, 'c-1', 'indirect-reseller'),
    );
    expect(rows(h)).toEqual(['c-1:direct-reseller', 'c-1:indirect-reseller']);
    expect(list(h).total).toBe(2);
  });

  it('never shows a customer to a partner without a relationship to it', () => {
    h.given(added('c-1', 'Contoso', 'contoso.example'), established('p-other', 'c-1'));
    expect(list(h)).toEqual({ items: [], nextCursor: null, total: 0, totalExact: true });
  });

  it('drops the removed relationship’s row and keeps the partner’s other one', () => {
    h.given(
      added('c-1', 'Contoso', 'contoso.example'),
      established(P, 'c-1', 'direct-reseller'),
      established(P, 'c-1', 'indirect-reseller'),
      removed(P, 'c-1', 'direct-reseller'),
    );
    expect(rows(h)).toEqual(['c-1:indirect-reseller']);
  });

  it('lists a customer again when a removed relationship is established anew', () => {
    h.given(
      added('c-1', 'Contoso', 'contoso.example'),
      established(P, 'c-1'),
      removed(P, 'c-1'),
      established(P, 'c-1'),
    );
    expect(rows(h)).toEqual(['c-1:direct-reseller']);
  });

  it('shows the partner’s assigned tags, sorted; unassigned and deleted tags disappear', () => {
    h.given(
      added('c-1', 'Contoso', 'contoso.example'),
      established(P, 'c-1'),
      tagCreated(P, 't-vip', 'VIP'),
      tagCreated(P, 't-a', 'Átrium'),
      tagCreated(P, 't-b', 'beta'),
      tagCreated('p-other', 't-x', 'Other partner'),
      tagAssigned(P, 'c-1', 't-vip'),
      tagAssigned(P, 'c-1', 't-a'),
      tagAssigned(P, 'c-1', 't-b'),
      tagAssigned('p-other', 'c-1', 't-x'),
    );
    expect(list(h).items[0]?.tags).toEqual(['Átrium', 'beta', 'VIP']);
    h.given(tagUnassigned(P, 'c-1', 't-b'), tagDeleted(P, 't-a', 'Átrium'));
    expect(list(h).items[0]?.tags).toEqual(['VIP']);
  });

  it('stops at a removal of a row it does not have, naming the event, and applies nothing of it', () => {
    h.given(added('c-1', 'Contoso', 'contoso.example'));
    const failing = h.nextPosition + 1n;
    expect(() => h.given(established(P, 'c-1'), removed(P, 'c-1', 'indirect-reseller'))).toThrow(
      ProjectionFailed,
    );
    const checkpoint = h.db.prepare('SELECT checkpoint FROM projection_meta').pluck().get();
    expect(BigInt(checkpoint as number)).toBe(failing - 1n);
    expect(rows(h)).toEqual(['c-1:direct-reseller']);
  });
});
