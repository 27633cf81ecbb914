import type { AddCustomer, UpdateBillingProfile } from './customer.commands.js';
import { CustomerAlreadyExists, StaleBillingProfile } from './customer.errors.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerState } from './customer.state.js';
import { visibleCustomer } from './customer.visibility.js';

/** A new customer, with the caller as its direct reseller (`POST /v1/customers`, see the OpenAPI document). */
export function addCustomer({ data }: AddCustomer, state: CustomerState): CustomerEvent[] {
  if (state.status !== 'unknown') throw new CustomerAlreadyExists(data.customerId);
  const { customerId, partnerId, companyProfile, billingProfile } = data;
  return [
    {
      type: 'CustomerAdded',
      data: { customerId, companyProfile, billingProfile, addedByPartnerId: partnerId },
    },
    {
      type: 'RelationshipEstablished',
      data: { customerId, partnerId, relationship: 'direct-reseller', delegatedAdmin: false },
    },
  ];
}

/**
 * Replaces the billing profile if the caller saw its current version; an identical profile
 * changes nothing (no event, same ETag). The version check lives here rather than on the
 * stream revision so that other partners' changes to the same customer stream (tags, orders)
 * neither make a caller's ETag stale nor reveal that something changed.
 */
export function updateBillingProfile(
  { data }: UpdateBillingProfile,
  state: CustomerState,
): CustomerEvent[] {
  const customer = visibleCustomer(state, data);
  if (data.expectedVersion !== customer.billingProfileVersion) {
    throw new StaleBillingProfile(data.expectedVersion, customer.billingProfileVersion);
  }
  if (canonical(customer.billingProfile) === canonical(data.billingProfile)) return [];
  const { customerId, partnerId } = data;
  return [
    {
      type: 'BillingProfileUpdated',
      data: { customerId, partnerId, old: customer.billingProfile, new: data.billingProfile },
    },
  ];
}

/** JSON with object keys sorted (absent and undefined fields alike), for value comparison. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : 1)))
      : field,
  );
}
