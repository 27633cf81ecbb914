// Webhooks: endpoint secrets, Standard Webhooks signatures, the safety check of a target URL,
// the retry schedule of deliveries and the sender that makes each attempt over HTTP(S).
// the retry schedule of deliveries and the activity-log actions of endpoints.
export * from './retry-schedule.js';
export * from './webhook-secret.js';
export * from './webhook-signer.js';
export * from './webhook-target.js';
export * from './webhook-events.js';
export * from './gdap-webhook-events.js';
export * from './webhook-activity.js';
export * from './endpoint/webhook.commands.js';
export * from './endpoint/webhook.decider.js';
export * from './endpoint/webhook.errors.js';
export * from './endpoint/webhook.events.js';
export * from './endpoint/webhook.state.js';
export * from './secret-sealing.js';
export * from './delivery/delivery-id.js';
export * from './delivery/webhook-outbox.js';
export * from './delivery/delivery-planner.js';
export * from './delivery/delivery-body.js';
export * from './delivery/delivery-dispatcher.js';
export * from './delivery/webhook-delivery.js';
export * from './delivery/attempt-result.js';
export * from './delivery/webhook-sender.js';
export * from './webhook-key.js';
