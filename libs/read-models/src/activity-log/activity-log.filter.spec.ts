import { GDAP_ACTIVITY_ACTIONS } from '@customer-workspace/gdap';
import { ACTIVITY_LOG_ACTION_NAMES } from './activity-log.entry.js';
import { activityLogInstant } from './activity-log.filter.js';

describe('activity-log filter parameters', () => {
  it.each([
    ['2026-11-21', '2026-11-21T00:00:00.000Z'],
    ['2026-11-21T10:00Z', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T10:00:00+01:00', '2026-11-21T09:00:00.000Z'],
    ['2026-11-21T10:00:00.5Z', '2026-11-21T10:00:00.500Z'],
  ])('reads %s as the instant %s', (value, instant) => {
    expect(activityLogInstant(value)).toBe(instant);
  });

  it.each([
    'yesterday',
    '2026-11-21T10:00:00', // a local time: which zone?
    '2026-02-30',
    '2026-02-30T10:00:00Z',
    '2026-13-01',
    '21.11.2026',
    '2026-11-21 10:00:00Z',
    '',
  ])('refuses %p', (value) => {
    expect(activityLogInstant(value)).toBeUndefined();
  });

  it('knows the 33 action names of docs/product.md rule 4, the webhook endpoints’ and GDAP’s included', () => {
    expect(ACTIVITY_LOG_ACTION_NAMES).toHaveLength(33);
    expect([...ACTIVITY_LOG_ACTION_NAMES].sort()).toEqual(
      [
        'register_partner',
        'create_tag',
        'delete_tag',
        'export_customers',
        'export_activity_log',
        'add_customer',
        'dap_admin_relationship_approved',
        'update_customer_billing_profile',
        'erase_customer_personal_data',
        'remove_partner_customer_relationship',
        'dap_admin_relationship_terminated',
        'create_order',
        'suspend_subscription',
        'cancel_subscription',
        'assign_customer_tag',
        'unassign_customer_tag',
        'request_reseller_relationship',
        'revoke_reseller_relationship_request',
        'accept_reseller_relationship',
        'create_webhook',
        'update_webhook',
        'disable_webhook',
        'rotate_webhook_secret',
        'delete_webhook',
        // GDAP's, which its own spec holds against the product's list.
        ...Object.values(GDAP_ACTIVITY_ACTIONS).filter((action) => action !== null),
      ].sort(),
    );
  });
});
