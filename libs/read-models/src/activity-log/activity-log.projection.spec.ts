import { ActivityLogUnderTest, billingProfile } from './testing/activity-log.fixtures.js';
import { queryActivityLog } from './activity-log.query.js';

const CUSTOMER = 'c-1';
const added = (addedByPartnerId = 'contoso') =>
  ({
    type: 'CustomerAdded',
    data: {
      customerId: CUSTOMER,
      companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' },
      billingProfile: billingProfile('old@contoso.cz'),
      addedByPartnerId,
    },
  }) as const;
const requested = {
  type: 'ResellerRelationshipRequested',
  data: {
    invitationId: 'inv-1',
    partnerId: 'wingtip',
    relationship: 'indirect-reseller',
    indirectProviderId: 'fabrikam',
    includeDelegatedAdmin: true,
    language: 'cs',
    tokenHash: 'a'.repeat(64),
    requestedAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-12-21T10:00:00.000Z',
  },
} as const;

describe('activity-log projection (given events, then entries)', () => {
  let log: ActivityLogUnderTest;
  beforeEach(() => (log = new ActivityLogUnderTest()));
  afterEach(() => log.close());
  const itemsOf = (partnerId: string) =>
    queryActivityLog(log.db, partnerId, {}, { limit: 500 }).items;

  it('records a billing-profile update with the old and new profiles, who, when and the customer name', () => {
    const metadata = {
      partnerId: 'contoso',
      customerId: CUSTOMER,
      actor: { userId: 'u-7', upn: 'jana@contoso.example', role: 'sales-agent' },
      occurredAt: '2026-11-21T10:00:00+01:00',
      correlationId: 'corr-7',
      causationId: 'cause-7',
    };
    const [, position] = log.given(
      [
        added(),
        {
          type: 'BillingProfileUpdated',
          data: {
            customerId: CUSTOMER,
            partnerId: 'contoso',
            old: billingProfile('old@contoso.cz'),
            new: billingProfile('new@contoso.cz'),
          },
        },
      ],
      metadata,
    );
    expect(itemsOf('contoso')[0]).toEqual({
      position: String(position),
      occurredAt: '2026-11-21T09:00:00.000Z',
      customerId: CUSTOMER,
      customerName: 'Contoso a.s.',
      action: 'update_customer_billing_profile',
      resourceType: 'billing-profile',
      performedBy: metadata.actor,
      oldValue: billingProfile('old@contoso.cz'),
      newValue: billingProfile('new@contoso.cz'),
      correlationId: 'corr-7',
      causationId: 'cause-7',
      eventId: expect.any(String),
    });
  });

  it('gives an added customer one add_customer entry for the adding partner; the established relationship is no entry', () => {
    log.given([
      added('contoso'),
      {
        type: 'RelationshipEstablished',
        data: {
          customerId: CUSTOMER,
          partnerId: 'contoso',
          relationship: 'direct-reseller',
          delegatedAdmin: false,
        },
      },
    ]);
    expect(log.rows()).toHaveLength(1);
    expect(itemsOf('contoso')).toEqual([
      expect.objectContaining({
        action: 'add_customer',
        resourceType: 'customer',
        customerName: 'Contoso a.s.',
        newValue: {
          companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' },
          billingProfile: billingProfile('old@contoso.cz'),
        },
      }),
    ]);
    expect(itemsOf('contoso')[0]).not.toHaveProperty('oldValue');
  });

  it('shows an invitation of a reseller with its provider in both logs, request, revocation and acceptance, never the token hash', () => {
    const revoked = {
      type: 'ResellerRelationshipRequestRevoked',
      data: { invitationId: 'inv-1', partnerId: 'wingtip' },
    } as const;
    const [requestedAt, revokedAt] = log.given([requested, revoked], { partnerId: 'wingtip' });
    for (const partner of ['wingtip', 'fabrikam']) {
      expect(itemsOf(partner).map((i) => [i.position, i.action])).toEqual([
        [String(revokedAt), 'revoke_reseller_relationship_request'],
        [String(requestedAt), 'request_reseller_relationship'],
      ]);
    }
    expect(itemsOf('wingtip')[1]!.newValue).toEqual({
      invitationId: 'inv-1',
      relationship: 'indirect-reseller',
      indirectProviderId: 'fabrikam',
      includeDelegatedAdmin: true,
      language: 'cs',
      expiresAt: '2026-12-21T10:00:00.000Z',
    });
    expect(itemsOf('wingtip')[0]).toMatchObject({
      oldValue: { invitationId: 'inv-1', status: 'pending' },
      newValue: { invitationId: 'inv-1', status: 'revoked' },
    });
    expect(JSON.stringify(log.rows(), (_k, v) => (typeof v === 'bigint' ? `${v}` : v))).not.toMatch(
      /tokenHash|aaaaaaaa/,
    );
    expect(itemsOf('contoso')).toEqual([]);
  });

  it('shows an acceptance to both partners with the typed name, and DAP approval to the partner granted it', () => {
    log.given([requested], { partnerId: 'wingtip' });
    const accepted = {
      type: 'ResellerRelationshipAccepted',
      data: {
        invitationId: 'inv-1',
        partnerId: 'wingtip',
        relationship: 'indirect-reseller',
        indirectProviderId: 'fabrikam',
        includeDelegatedAdmin: true,
        customerId: 'c-9',
        companyProfile: { companyName: 'Northwind a.s.', domain: 'northwind.onmicrosoft.com' },
        acceptedAt: '2026-11-22T10:00:00.000Z',
      },
    } as const;
    const dap = {
      type: 'DelegatedAdminApproved',
      data: {
        customerId: 'c-9',
        partnerId: 'fabrikam',
        relationship: 'indirect-provider',
        invitationId: 'inv-1',
      },
    } as const;
    log.given([accepted, dap], { partnerId: 'wingtip', customerId: 'c-9' });
    expect(itemsOf('wingtip').map((i) => i.action)).toEqual([
      'accept_reseller_relationship',
      'request_reseller_relationship',
    ]);
    expect(itemsOf('fabrikam')[0]).toMatchObject({
      action: 'dap_admin_relationship_approved',
      customerName: 'Northwind a.s.',
      oldValue: { relationship: 'indirect-provider', delegatedAdmin: false },
      newValue: { relationship: 'indirect-provider', delegatedAdmin: true },
    });
    expect(itemsOf('fabrikam')[1]).toMatchObject({
      action: 'accept_reseller_relationship',
      customerId: 'c-9',
      customerName: 'Northwind a.s.',
    });
  });

  it('records a removal with the relationship before, none after and the attested reason; then DAP terminated', () => {
    log.given([added()]);
    const data = { customerId: CUSTOMER, partnerId: 'contoso', relationship: 'direct-reseller' };
    log.given([
      { type: 'RelationshipRemoved', data: { ...data, attestationReason: 'Moved away' } },
      { type: 'DelegatedAdminTerminated', data },
    ] as const);
    const [terminated, removed] = itemsOf('contoso');
    expect(removed).toMatchObject({
      action: 'remove_partner_customer_relationship',
      resourceType: 'relationship',
      oldValue: { relationship: 'direct-reseller' },
      newValue: { relationship: null, attestationReason: 'Moved away' },
    });
    expect(terminated).toMatchObject({
      action: 'dap_admin_relationship_terminated',
      oldValue: { relationship: 'direct-reseller', delegatedAdmin: true },
      newValue: { relationship: 'direct-reseller', delegatedAdmin: false },
    });
  });

  it('records orders and subscription changes with the status before and after', () => {
    const ids = { customerId: CUSTOMER, partnerId: 'contoso', orderId: 'o-1' };
    log.given([
      {
        type: 'OrderCreated',
        data: {
          ...ids,
          relationship: 'direct-reseller',
          catalog: 'azure',
          lineItems: [{ offerId: 'X', quantity: 2, subscriptionId: 's-1' }],
        },
      },
      {
        type: 'SubscriptionSuspended',
        data: { ...ids, subscriptionId: 's-1', previousStatus: 'active' },
      },
      {
        type: 'SubscriptionCancelled',
        data: { ...ids, subscriptionId: 's-1', previousStatus: 'suspended' },
      },
    ] as const);
    const [cancelled, suspended, order] = itemsOf('contoso');
    expect(order).toMatchObject({ action: 'create_order', newValue: { orderId: 'o-1' } });
    expect(suspended).toMatchObject({
      action: 'suspend_subscription',
      oldValue: { subscriptionId: 's-1', status: 'active' },
      newValue: { subscriptionId: 's-1', status: 'suspended' },
    });
    expect(cancelled).toMatchObject({
      oldValue: { status: 'suspended' },
      newValue: { status: 'cancelled' },
    });
  });

  it('records tags: created and deleted in the catalog, assigned and unassigned on a customer', () => {
    const tag = { partnerId: 'contoso', tagId: 't-1' };
    const onCustomer = { ...tag, customerId: CUSTOMER, tagName: 'VIP' };
    log.given([
      { type: 'TagCreated', data: { ...tag, name: 'VIP' } },
      { type: 'CustomerTagAssigned', data: onCustomer },
      { type: 'CustomerTagUnassigned', data: onCustomer },
      { type: 'TagDeleted', data: { ...tag, name: 'VIP' } },
    ] as const);
    expect(
      itemsOf('contoso').map(({ action, oldValue, newValue }) => [action, oldValue, newValue]),
    ).toEqual([
      ['delete_tag', { tagId: 't-1', name: 'VIP' }, null],
      ['unassign_customer_tag', { tagId: 't-1', tagName: 'VIP' }, null],
      ['assign_customer_tag', null, { tagId: 't-1', tagName: 'VIP' }],
      ['create_tag', undefined, { tagId: 't-1', name: 'VIP' }],
    ]);
  });

  it('shows a registration to the registered partner, not to the operator’s tenant; exports with their parameters', () => {
    log.given(
      [
        {
          type: 'PartnerRegistered',
          data: {
            partnerId: 'contoso',
            name: 'Contoso',
            programs: ['direct-bill'],
            defaultLanguage: 'cs',
          },
        },
      ],
      { partnerId: 'platform' },
    );
    log.given([
      { type: 'CustomersExported', data: { partnerId: 'contoso', lang: 'de' } },
      {
        type: 'ActivityLogExported',
        data: { partnerId: 'contoso', filters: { action: 'create_order' }, format: 'ndjson' },
      },
    ]);
    expect(itemsOf('platform')).toEqual([]);
    expect(
      itemsOf('contoso').map(({ action, customerId, newValue }) => [action, customerId, newValue]),
    ).toEqual([
      ['export_activity_log', null, { filters: { action: 'create_order' }, format: 'ndjson' }],
      ['export_customers', null, { lang: 'de' }],
      [
        'register_partner',
        null,
        { name: 'Contoso', programs: ['direct-bill'], defaultLanguage: 'cs' },
      ],
    ]);
  });

  it('ignores events of other domains', () => {
    log.given([{ type: 'SomethingElseHappened', data: { partnerId: 'contoso' } }]);
    expect(log.rows()).toEqual([]);
  });
});
