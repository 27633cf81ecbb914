import type { ErasePersonalData } from './customer.commands.js';
import {
  ErasureNotAttested,
  ErasureReasonRequired,
  NoPersonalData,
  PersonalDataAlreadyErased,
} from './customer.errors.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerState } from './customer.state.js';
import { visibleCustomer } from './customer.visibility.js';

/**
 * Erases the customer's personal data (docs/product.md rule 8): any partner holding a
 * relationship may, with an accepted attestation and a reason. The event names the fields
 * that held a value in any profile since the last erasure, and carries no value itself;
 * destroying the keys that sealed them happens where they are kept, after it is stored.
 */
export function erasePersonalData(
  { data }: ErasePersonalData,
  state: CustomerState,
): CustomerEvent[] {
  const customer = visibleCustomer(state, data);
  if (data.attestation.accepted !== true) throw new ErasureNotAttested();
  const reason = data.attestation.reason.trim();
  if (reason === '') throw new ErasureReasonRequired();
  if (customer.personalFieldsHeld.length === 0) {
    if (customer.billingProfile === null) throw new NoPersonalData(data.customerId);
    throw new PersonalDataAlreadyErased(data.customerId);
  }
  const { customerId, partnerId } = data;
  return [
    {
      type: 'CustomerPersonalDataErased',
      data: {
        customerId,
        partnerId,
        attestationReason: reason,
        erasedFields: customer.personalFieldsHeld,
      },
    },
  ];
}
