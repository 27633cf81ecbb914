import type { CustomerEvent } from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import { customerOrdersFold, ordersPlacedBy } from './customer-orders.fold.js';

const CUSTOMER = 'c-1';
const profile = {
  companyProfile: { companyName: 'Contoso', domain: 'contoso.onmicrosoft.com' },
  billingProfile: {
    companyName: 'Contoso',
    email: 'billing@contoso.example',
    defaultAddress: { addressLine1: 'Main 1', city: 'Brno', postalCode: '60200', country: 'CZ' },
  },
};
const item = (subscriptionId: string) => ({
  offerId: 'CFQ7TTC0LH18:0001',
  quantity: 1,
  subscriptionId,
});
const ordered = (partnerId: string, orderId: string, subscriptionId: string): CustomerEvent => ({
  type: 'OrderCreated',
  data: {
    customerId: CUSTOMER,
    orderId,
    partnerId,
    relationship: 'direct-reseller',
    catalog: 'online-services',
    lineItems: [item(subscriptionId)],
  },
});

/** The events as the store records them: one stream, revisions from 0, a minute apart. */
function recorded(events: readonly CustomerEvent[]): RecordedEvent[] {
  return events.map((event, revision) => ({
    ...event,
    eventId: `e-${revision}`,
    streamId: `customer-${CUSTOMER}`,
    revision: BigInt(revision),
    position: BigInt(revision + 1),
    metadata: testMetadata({ occurredAt: `2026-11-21T10:0${revision}:00.000Z` }),
  }));
}

const fold = (events: readonly CustomerEvent[]) =>
  recorded(events).reduce(customerOrdersFold.evolve, customerOrdersFold.initialState());

describe('the customer orders fold (given events, then the orders list)', () => {
  const history: CustomerEvent[] = [
    { type: 'CustomerAdded', data: { customerId: CUSTOMER, ...profile, addedByPartnerId: 'p-1' } },
    {
      type: 'RelationshipEstablished',
      data: {
        customerId: CUSTOMER,
        partnerId: 'p-1',
        relationship: 'direct-reseller',
        delegatedAdmin: false,
      },
    },
    ordered('p-1', 'o-1', 's-1'),
    ordered('p-2', 'o-2', 's-2'),
    ordered('p-1', 'o-3', 's-3'),
  ];

  it("lists only the caller's orders, oldest first, each with its time and revision", () => {
    const placed = ordersPlacedBy(fold(history), 'p-1');
    expect(
      placed.map(({ order, createdAt, revision }) => [order.orderId, createdAt, revision]),
    ).toEqual([
      ['o-1', '2026-11-21T10:02:00.000Z', 2n],
      ['o-3', '2026-11-21T10:04:00.000Z', 4n],
    ]);
  });

  it("folds the customer as its decider does, so each subscription's status is current", () => {
    const suspended: CustomerEvent = {
      type: 'SubscriptionSuspended',
      data: {
        customerId: CUSTOMER,
        partnerId: 'p-1',
        orderId: 'o-1',
        subscriptionId: 's-1',
        previousStatus: 'active',
      },
    };
    const { customer } = fold([...history, suspended]);
    expect(
      customer.status === 'existing' && customer.customer.subscriptions.get('s-1')?.status,
    ).toBe('suspended');
  });

  it('keeps the orders of a fold it continued from unchanged (folds share their past)', () => {
    const earlier = fold(history.slice(0, 3));
    const later = recorded(history).slice(3).reduce(customerOrdersFold.evolve, earlier);
    expect(ordersPlacedBy(earlier, 'p-1').map((p) => p.order.orderId)).toEqual(['o-1']);
    expect(ordersPlacedBy(later, 'p-1').map((p) => p.order.orderId)).toEqual(['o-1', 'o-3']);
  });
});
