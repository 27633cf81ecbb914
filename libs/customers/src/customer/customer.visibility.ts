import { CustomerNotFound } from './customer.errors.js';
import type { ActiveRelationship, CustomerState, ExistingCustomer } from './customer.state.js';

/** The relationships a partner holds with a customer. */
export function relationshipsOf(
  customer: ExistingCustomer,
  partnerId: string,
): ActiveRelationship[] {
  return customer.relationships.filter((r) => r.partnerId === partnerId);
}

/**
 * Whether a partner sees the customer: it exists and the partner holds at least one active
 * relationship with it (docs/product.md rule 5). Handlers use it, e.g. for a targeted invitation.
 */
export function isVisibleTo(state: CustomerState, partnerId: string): boolean {
  return state.status === 'existing' && relationshipsOf(state.customer, partnerId).length > 0;
}

/** The customer, if the calling partner sees it; otherwise `CustomerNotFound`, never forbidden. */
export function visibleCustomer(
  state: CustomerState,
  caller: { readonly customerId: string; readonly partnerId: string },
): ExistingCustomer {
  if (state.status !== 'existing' || !isVisibleTo(state, caller.partnerId)) {
    throw new CustomerNotFound(caller.customerId);
  }
  return state.customer;
}
