// Public surface of the customers domain: pure deciders, their commands, events, states,
// errors and helpers. Nothing here does I/O or imports from @nestjs/*.
export * from './common/domain.constants.js';
export * from './common/stream-names.js';
export * from './common/activity-log.actions.js';
export * from './common/customers.events.js';
export * from './common/partners-concerned.js';

export * from './partner/partner.commands.js';
export * from './partner/partner.events.js';
export * from './partner/partner.state.js';
export * from './partner/partner.errors.js';
export { partnerDecider } from './partner/partner.decider.js';

export * from './customer/customer.types.js';
export * from './customer/personal-data.js';
export * from './customer/customer.commands.js';
export * from './customer/customer.events.js';
export * from './customer/customer.errors.js';
export * from './customer/order.errors.js';
export {
  type ActiveRelationship,
  type CustomerState,
  type ExistingCustomer,
  type Subscription,
  evolveCustomer,
  existingCustomer,
  initialCustomerState,
} from './customer/customer.state.js';
export { isVisibleTo, relationshipsOf, visibleCustomer } from './customer/customer.visibility.js';
export { consequencesOfAcceptance } from './customer/customer-relationships.decide.js';
export { customerDecider } from './customer/customer.decider.js';

export * from './invitation/invitation.commands.js';
export * from './invitation/invitation.events.js';
export * from './invitation/invitation.errors.js';
export * from './invitation/invitation.state.js';
export * from './invitation/invitation.email.js';
export { invitationDecider, relationshipInvitedAlone } from './invitation/invitation.decider.js';
