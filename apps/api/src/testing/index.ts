// What the end-to-end tests reach inside the api: guards, stores and processes they drive
// directly. Only tests import this entry; it is not built.
export * from '../relationships/invitation-token.js';
export * from '../auth/auth.guard.js';
export * from '../auth/auth.decorators.js';
export * from '../idempotency/idempotency.store.js';
export * from '../idempotency/fingerprint.js';
export * from '../idempotency/idempotency.interceptor.js';
export * from '../relationships/accept-invitation/accept-invitation.command.js';
export * from '../relationships/accept-invitation/accept-invitation.dto.js';
export * from '../relationships/invitation-acceptance.process.js';
export * from '../relationships/process-checkpoints.store.js';
export * from '../commands/command-context.js';
export * from '../relationships/invite-reseller/invite-reseller.command.js';
export * from '../read-models/read-models.service.js';
export * from '../customers/customer.view.js';
