import { ACTIVITY_LOG_ACTIONS, isCustomersDomainEventType } from './activity-log.actions.js';

describe('activity-log actions', () => {
  it('names every customers-domain operation type of docs/product.md rule 4 exactly once', () => {
    const actions = Object.values(ACTIVITY_LOG_ACTIONS).filter((a) => a !== null);
    expect(new Set(actions).size).toBe(actions.length);
    expect([...actions].sort()).toEqual(
      [
        'register_partner',
        'add_customer',
        'update_customer_billing_profile',
        'request_reseller_relationship',
        'revoke_reseller_relationship_request',
        'accept_reseller_relationship',
        'dap_admin_relationship_approved',
        'remove_partner_customer_relationship',
        'dap_admin_relationship_terminated',
        'create_order',
        'suspend_subscription',
        'cancel_subscription',
        'create_tag',
        'delete_tag',
        'assign_customer_tag',
        'unassign_customer_tag',
        'export_customers',
        'export_activity_log',
        'erase_customer_personal_data',
      ].sort(),
    );
  });

  it('gives RelationshipEstablished no row of its own: its cause is the action', () => {
    expect(ACTIVITY_LOG_ACTIONS.RelationshipEstablished).toBeNull();
  });

  it('recognises the domain’s event types, and only them', () => {
    expect(isCustomersDomainEventType('OrderCreated')).toBe(true);
    expect(isCustomersDomainEventType('toString')).toBe(false);
    expect(isCustomersDomainEventType('Incremented')).toBe(false);
  });
});
