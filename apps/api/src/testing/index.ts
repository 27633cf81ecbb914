// What the end-to-end tests reach inside the api: guards, stores and processes they drive
// directly. Only tests import this entry; it is not built.
export * from '../business/relationships/invitation-token.js';
export * from '../platform/auth/auth.guard.js';
export * from '../platform/auth/auth.decorators.js';
export * from '../platform/idempotency/idempotency.store.js';
export * from '../platform/idempotency/fingerprint.js';
export * from '../platform/idempotency/idempotency.interceptor.js';
export * from '../business/relationships/accept-invitation/accept-invitation.command.js';
export * from '../business/relationships/accept-invitation/accept-invitation.dto.js';
export * from '../business/relationships/invitation-acceptance.process.js';
export * from '../business/relationships/process-checkpoints.store.js';
export * from '../platform/commands/command-context.js';
export * from '../business/relationships/invite-reseller/invite-reseller.command.js';
export * from '../platform/read-models/read-models.service.js';
export * from '../business/customers/customer.view.js';
export * from '../business/webhooks/create-webhook/create-webhook.command.js';
export * from '../business/webhooks/rotate-webhook-secret/rotate-webhook-secret.command.js';
export * from '../business/webhooks/webhook-settings.js';
export * from '../platform/clock/clock.js';
export * from '../business/gdap/transitions/gdap-transitions.js';
export * from '../business/gdap/transitions/gdap-transition-recorder.js';
export * from '../business/audit/audit-tree.service.js';
export * from '../business/audit/audit-thread.js';
