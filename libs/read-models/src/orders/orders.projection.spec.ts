import { CustomerNotFound } from '@customer-workspace/customers';
import { InvalidCursor } from '../read-model.errors.js';
import { type GivenEvent, ProjectionHarness } from '../testing/projection-harness.js';
import { ordersProjection } from './orders.projection.js';
import { queryOrders } from './orders.query.js';

const CUSTOMER = 'c-1';
const added: GivenEvent = {
  type: 'CustomerAdded',
  data: {
    customerId: CUSTOMER,
    companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' },
    billingProfile: null,
    addedByPartnerId: 'contoso',
  },
};
const established = (partnerId: string, relationship = 'direct-reseller'): GivenEvent => ({
  type: 'RelationshipEstablished',
  data: { customerId: CUSTOMER, partnerId, relationship, delegatedAdmin: false },
});
const removed = (partnerId: string): GivenEvent => ({
  type: 'RelationshipRemoved',
  data: {
    customerId: CUSTOMER,
    partnerId,
    relationship: 'direct-reseller',
    attestationReason: 'The customer moved to another partner',
  },
});
const order = (orderId: string, partnerId = 'contoso', catalog = 'azure'): GivenEvent => ({
  type: 'OrderCreated',
  data: {
    customerId: CUSTOMER,
    orderId,
    partnerId,
    relationship: 'direct-reseller',
    catalog,
    lineItems: [
      { offerId: 'CFQ7TTC0LH18:0001', quantity: 25, subscriptionId: `${orderId}-s1` },
      { offerId: 'DZH318Z0BQ3Q:0007', quantity: 1, subscriptionId: `${orderId}-s2` },
    ],
  },
});
const change = (type: string, orderId: string, subscriptionId: string): GivenEvent => ({
  type,
  data: { customerId: CUSTOMER, partnerId: 'contoso', orderId, subscriptionId },
});

describe('orders projection', () => {
  let h: ProjectionHarness;
  beforeEach(() => (h = new ProjectionHarness(ordersProjection)));
  afterEach(() => h.close());
  const list = (partnerId = 'contoso', page: { limit?: number; cursor?: string } = {}) =>
    queryOrders(h.db, { customerId: CUSTOMER, partnerId, limit: page.limit ?? 50, ...page });
  const ids = (partnerId?: string) => list(partnerId).items.map((item) => item.order.orderId);

  it('lists the orders the partner placed, oldest first, as their events recorded them', () => {
    h.given(added, established('contoso'));
    h.given(
      { ...order('o-1'), at: '2026-03-01T09:30:00.000Z' },
      order('o-2', 'contoso', 'software'),
    );
    const page = list();
    expect(page).toMatchObject({ nextCursor: null, total: 2 });
    expect(page.items[0]).toEqual({
      order: order('o-1').data,
      createdAt: '2026-03-01T09:30:00.000Z',
      subscriptionStatuses: new Map([
        ['o-1-s1', 'active'],
        ['o-1-s2', 'active'],
      ]),
    });
    expect(ids()).toEqual(['o-1', 'o-2']);
  });

  it('never lists another partner’s orders, nor counts them', () => {
    h.given(added, established('contoso'), established('fabrikam', 'indirect-reseller'));
    h.given(order('o-1'), order('o-2', 'fabrikam'), order('o-3'));
    expect(ids()).toEqual(['o-1', 'o-3']);
    expect(list().total).toBe(2);
    expect(ids('fabrikam')).toEqual(['o-2']);
  });

  it('shows each subscription’s current status', () => {
    h.given(added, established('contoso'), order('o-1'), order('o-2'));
    h.given(change('SubscriptionSuspended', 'o-1', 'o-1-s2'));
    h.given(change('SubscriptionCancelled', 'o-2', 'o-2-s1'));
    const [one, two] = list().items;
    expect(one?.subscriptionStatuses).toEqual(
      new Map([
        ['o-1-s1', 'active'],
        ['o-1-s2', 'suspended'],
      ]),
    );
    expect(two?.subscriptionStatuses.get('o-2-s1')).toBe('cancelled');
  });

  it('answers CustomerNotFound for an unknown customer and one the partner does not see', () => {
    expect(() => list()).toThrow(CustomerNotFound);
    h.given(added, established('contoso'), order('o-1'));
    expect(() => list('fabrikam')).toThrow(CustomerNotFound);
    h.given(removed('contoso'));
    expect(() => list()).toThrow(CustomerNotFound);
    h.given(established('contoso'));
    expect(ids()).toEqual(['o-1']);
  });

  it('ignores a relationship of a customer it never saw added, as the stream’s fold does', () => {
    h.given(established('contoso'));
    expect(() => list()).toThrow(CustomerNotFound);
  });

  it('pages by a stable cursor: orders placed meanwhile come after it', () => {
    h.given(added, established('contoso'), order('o-1'), order('o-2'), order('o-3'));
    const first = list('contoso', { limit: 2 });
    expect(first.items.map((item) => item.order.orderId)).toEqual(['o-1', 'o-2']);
    expect(first).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    h.given(order('o-4'));
    const next = list('contoso', { limit: 2, cursor: first.nextCursor! });
    expect(next.items.map((item) => item.order.orderId)).toEqual(['o-3', 'o-4']);
    expect(next).toMatchObject({ total: 4, nextCursor: null });
  });

  it('refuses a cursor it did not hand out', () => {
    h.given(added, established('contoso'));
    expect(() => list('contoso', { cursor: 'bm9wZQ' })).toThrow(InvalidCursor);
  });

  it('ignores events it does not know', () => {
    h.given(added, established('contoso'), { type: 'TagCreated', data: { partnerId: 'contoso' } });
    expect(list()).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
