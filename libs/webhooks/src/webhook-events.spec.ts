import { GDAP_WEBHOOK_EVENTS } from '@customer-workspace/gdap';
import type { CustomersDomainEvent } from '@customer-workspace/customers';
import { WEBHOOK_EVENT_NAMES, webhookNoticeOf } from './webhook-events.js';

const customerId = 'c-1';
const partnerId = 'p-1';
const profile = { companyName: 'Contoso', domain: 'contoso.onmicrosoft.com' };
const billing = {
  companyName: 'Contoso',
  email: 'jana.novakova@contoso.example',
  firstName: 'Jana',
  lastName: 'Nováková',
  defaultAddress: { addressLine1: 'Main 1', city: 'Brno', postalCode: '60200', country: 'CZ' },
};
const accepted = (relationship: 'direct-reseller' | 'indirect-reseller'): CustomersDomainEvent => ({
  type: 'ResellerRelationshipAccepted',
  data: {
    invitationId: 'i-1',
    partnerId,
    relationship,
    includeDelegatedAdmin: false,
    customerId,
    companyProfile: profile,
    acceptedAt: '2026-12-01T10:00:00.000Z',
  },
});
const change = { customerId, partnerId, orderId: 'o-1', subscriptionId: 's-1' };

/** One event of every type partners are notified of, with the name each must give. */
const NOTIFIED: [CustomersDomainEvent, string, string][] = [
  [
    {
      type: 'CustomerAdded',
      data: {
        customerId,
        companyProfile: profile,
        billingProfile: billing,
        addedByPartnerId: partnerId,
      },
    },
    'customer-created',
    '/v1/customers/c-1',
  ],
  [
    { type: 'BillingProfileUpdated', data: { customerId, partnerId, old: null, new: billing } },
    'customer-billing-profile-updated',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'CustomerPersonalDataErased',
      data: {
        customerId,
        partnerId,
        attestationReason: 'The customer asked (GDPR art. 17)',
        erasedFields: ['email', 'defaultAddress.city'],
      },
    },
    'customer-personal-data-erased',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'ResellerRelationshipRequested',
      data: {
        invitationId: 'i-1',
        partnerId,
        relationship: 'direct-reseller',
        includeDelegatedAdmin: true,
        language: 'en',
        tokenHash: 'a'.repeat(64),
        requestedAt: '2026-12-01T10:00:00.000Z',
        expiresAt: '2026-12-31T10:00:00.000Z',
      },
    },
    'relationship-request-created',
    '/v1/relationship-requests/i-1',
  ],
  [
    { type: 'ResellerRelationshipRequestRevoked', data: { invitationId: 'i-1', partnerId } },
    'relationship-request-revoked',
    '/v1/relationship-requests/i-1',
  ],
  [accepted('direct-reseller'), 'reseller-relationship-accepted-by-customer', '/v1/customers/c-1'],
  [
    accepted('indirect-reseller'),
    'indirect-reseller-relationship-accepted-by-customer',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'DelegatedAdminApproved',
      data: { customerId, partnerId, relationship: 'direct-reseller', invitationId: 'i-1' },
    },
    'dap-admin-relationship-approved',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'DelegatedAdminTerminated',
      data: { customerId, partnerId, relationship: 'direct-reseller' },
    },
    'dap-admin-relationship-terminated',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'RelationshipRemoved',
      data: {
        customerId,
        partnerId,
        relationship: 'direct-reseller',
        attestationReason: 'Contract ended',
      },
    },
    'relationship-removed',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'OrderCreated',
      data: {
        customerId,
        orderId: 'o-1',
        partnerId,
        relationship: 'direct-reseller',
        catalog: 'azure',
        lineItems: [],
      },
    },
    'order-created',
    '/v1/customers/c-1/orders',
  ],
  [
    { type: 'SubscriptionSuspended', data: { ...change, previousStatus: 'active' } },
    'subscription-updated',
    '/v1/customers/c-1/orders',
  ],
  [
    { type: 'SubscriptionCancelled', data: { ...change, previousStatus: 'suspended' } },
    'subscription-updated',
    '/v1/customers/c-1/orders',
  ],
  [
    { type: 'CustomerTagAssigned', data: { customerId, partnerId, tagId: 't-1', tagName: 'VIP' } },
    'customer-tags-updated',
    '/v1/customers/c-1',
  ],
  [
    {
      type: 'CustomerTagUnassigned',
      data: { customerId, partnerId, tagId: 't-1', tagName: 'VIP' },
    },
    'customer-tags-updated',
    '/v1/customers/c-1',
  ],
];

describe('the webhook event of each domain event', () => {
  it.each(NOTIFIED)('%j is notified as %s', (event, eventName, resourceUri) => {
    expect(webhookNoticeOf(event)).toMatchObject({ eventName, resourceUri });
  });

  it('gives every event name but the test one to some domain event (GDAP’s to GDAP events)', () => {
    const produced = new Set<string>(NOTIFIED.map(([, name]) => name));
    for (const names of Object.values(GDAP_WEBHOOK_EVENTS)) names.forEach((n) => produced.add(n));
    expect(WEBHOOK_EVENT_NAMES.filter((name) => !produced.has(name))).toEqual(['test-created']);
  });

  it("does not notify a partner's own catalog, exports, registration or a relationship's establishment", () => {
    const silent: CustomersDomainEvent[] = [
      { type: 'TagCreated', data: { partnerId, tagId: 't-1', name: 'VIP' } },
      { type: 'TagDeleted', data: { partnerId, tagId: 't-1', name: 'VIP' } },
      {
        type: 'RelationshipEstablished',
        data: { customerId, partnerId, relationship: 'direct-reseller', delegatedAdmin: false },
      },
    ];
    for (const event of silent) expect(webhookNoticeOf(event)).toBeUndefined();
  });

  it('carries no personal data: only the kind of resource and where it is served', () => {
    const [added] = NOTIFIED[0]!;
    const notice = JSON.stringify(webhookNoticeOf(added));
    for (const value of ['Jana', 'Nováková', 'jana.novakova@contoso.example', 'Brno', 'Contoso'])
      expect(notice).not.toContain(value);
  });
});
