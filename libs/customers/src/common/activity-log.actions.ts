import type { CustomerEvent } from '../customer/customer.events.js';
import type { InvitationEvent } from '../invitation/invitation.events.js';
import type { PartnerEvent } from '../partner/partner.events.js';

/** Every event of the customers domain. */
export type CustomersDomainEvent = PartnerEvent | CustomerEvent | InvitationEvent;

/** The `type` of every event of the customers domain. */
export type CustomersDomainEventType = CustomersDomainEvent['type'];

/**
 * The customers domain's activity-log action names, after Partner Center's operation types
 * (docs/product.md rule 4). Webhook endpoints have theirs in the webhooks package.
 */
export type PartnerCenterAction =
  | 'register_partner'
  | 'add_customer'
  | 'update_customer_billing_profile'
  | 'request_reseller_relationship'
  | 'revoke_reseller_relationship_request'
  | 'accept_reseller_relationship'
  | 'dap_admin_relationship_approved'
  | 'remove_partner_customer_relationship'
  | 'dap_admin_relationship_terminated'
  | 'create_order'
  | 'suspend_subscription'
  | 'cancel_subscription'
  | 'create_tag'
  | 'delete_tag'
  | 'assign_customer_tag'
  | 'unassign_customer_tag'
  | 'export_customers'
  | 'export_activity_log'
  | 'erase_customer_personal_data';

/**
 * The activity-log action of each event type. `null` for `RelationshipEstablished`: it is a
 * consequence recorded by the action that caused it (`CustomerAdded` → add_customer,
 * `ResellerRelationshipAccepted` → accept_reseller_relationship), so it is no row of its own;
 * the customer-list projection still uses it.
 */
export const ACTIVITY_LOG_ACTIONS: Readonly<
  Record<CustomersDomainEventType, PartnerCenterAction | null>
> = {
  PartnerRegistered: 'register_partner',
  TagCreated: 'create_tag',
  TagDeleted: 'delete_tag',
  CustomersExported: 'export_customers',
  ActivityLogExported: 'export_activity_log',
  CustomerAdded: 'add_customer',
  RelationshipEstablished: null,
  DelegatedAdminApproved: 'dap_admin_relationship_approved',
  BillingProfileUpdated: 'update_customer_billing_profile',
  CustomerPersonalDataErased: 'erase_customer_personal_data',
  RelationshipRemoved: 'remove_partner_customer_relationship',
  DelegatedAdminTerminated: 'dap_admin_relationship_terminated',
  OrderCreated: 'create_order',
  SubscriptionSuspended: 'suspend_subscription',
  SubscriptionCancelled: 'cancel_subscription',
  CustomerTagAssigned: 'assign_customer_tag',
  CustomerTagUnassigned: 'unassign_customer_tag',
  ResellerRelationshipRequested: 'request_reseller_relationship',
  ResellerRelationshipRequestRevoked: 'revoke_reseller_relationship_request',
  ResellerRelationshipAccepted: 'accept_reseller_relationship',
};

/** Whether a stored event's `type` is one of this domain's (e.g. while reading `$all`). */
export function isCustomersDomainEventType(type: string): type is CustomersDomainEventType {
  return Object.hasOwn(ACTIVITY_LOG_ACTIONS, type);
}
