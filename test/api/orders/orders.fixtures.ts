import { randomUUID } from 'node:crypto';
import type { CustomerEvent, Relationship } from '@customer-workspace/customers';
import { customerStream } from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import type { TestApi } from '../../fixtures/api-app.js';

/** A valid `POST /v1/customers/{id}/orders` body; `item` overrides parts of its one line item. */
export function orderBody(overrides: Record<string, unknown> = {}, item: object = {}) {
  return {
    catalog: 'online-services',
    lineItems: [{ offerId: 'CFQ7TTC0LH18:0001', quantity: 25, termDuration: 'P1Y', ...item }],
    ...overrides,
  };
}

export const eventStoreOf = (api: TestApi): EventStore => api.app.get<EventStore>(EVENT_STORE);

/**
 * A customer with the given relationships, written straight to its stream: invitations (which
 * establish indirect relationships over HTTP) are another use case, so the provider/reseller
 * rules are set up here with the domain's own events.
 */
export async function seedCustomer(
  api: TestApi,
  relationships: readonly { partnerId: string; relationship: Relationship }[],
): Promise<string> {
  const customerId = randomUUID();
  const first = relationships[0]?.partnerId ?? 'nobody';
  const events: CustomerEvent[] = [
    {
      type: 'CustomerAdded',
      data: {
        customerId,
        companyProfile: { companyName: 'Žluťoučký kůň s.r.o.', domain: 'zluty.onmicrosoft.com' },
        billingProfile: null,
        addedByPartnerId: first,
      },
    },
    ...relationships.map(({ partnerId, relationship }): CustomerEvent => ({
      type: 'RelationshipEstablished',
      data: { customerId, partnerId, relationship, delegatedAdmin: false },
    })),
  ];
  await eventStoreOf(api).append(
    customerStream(customerId),
    events.map((event) => ({
      eventId: randomUUID(),
      ...event,
      metadata: testMetadata({ partnerId: first, customerId }),
    })),
    { expectedRevision: 'no_stream' },
  );
  return customerId;
}
