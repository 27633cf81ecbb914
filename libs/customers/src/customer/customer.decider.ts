import type { Decider } from '@customer-workspace/kernel';
import { assertNever } from '@customer-workspace/kernel';
import type { CustomerCommand } from './customer.commands.js';
import type { CustomerEvent } from './customer.events.js';
import { cancelSubscription, createOrder, suspendSubscription } from './customer-orders.decide.js';
import { addCustomer, updateBillingProfile } from './customer-profile.decide.js';
import { erasePersonalData } from './customer-personal-data.decide.js';
import { consequencesOfAcceptance, removeRelationship } from './customer-relationships.decide.js';
import { assignCustomerTag, unassignCustomerTag } from './customer-tags.decide.js';
import { evolveCustomer, initialCustomerState, type CustomerState } from './customer.state.js';

/**
 * One customer for all partners (`customer-<id>`): profile, relationships, orders,
 * subscriptions and tags, so that rules spanning them (no removal while subscriptions
 * remain) are decided inside one aggregate. Every command but `AddCustomer` and
 * `ApplyAcceptedInvitation` needs the caller to hold a relationship with the customer.
 */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState: initialCustomerState,
  evolve: evolveCustomer,
  decide: decideCustomer,
};

function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'AddCustomer':
      return addCustomer(command, state);
    case 'UpdateBillingProfile':
      return updateBillingProfile(command, state);
    case 'RemoveRelationship':
      return removeRelationship(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    case 'CreateOrder':
      return createOrder(command, state);
    case 'SuspendSubscription':
      return suspendSubscription(command, state);
    case 'CancelSubscription':
      return cancelSubscription(command, state);
    case 'AssignCustomerTag':
      return assignCustomerTag(command, state);
    case 'UnassignCustomerTag':
      return unassignCustomerTag(command, state);
    case 'ApplyAcceptedInvitation':
      return consequencesOfAcceptance(
        { type: 'ResellerRelationshipAccepted', data: command.data.acceptance },
        state,
      );
    default:
      return assertNever(command);
  }
}
