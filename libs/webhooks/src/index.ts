// Webhooks: endpoint secrets, Standard Webhooks signatures, the safety check of a target URL
// and the retry schedule of deliveries.
export * from './retry-schedule.js';
export * from './webhook-secret.js';
export * from './webhook-signer.js';
export * from './webhook-target.js';
export * from './webhook-events.js';
export * from './endpoint/webhook.commands.js';
export * from './endpoint/webhook.decider.js';
export * from './endpoint/webhook.errors.js';
export * from './endpoint/webhook.events.js';
export * from './endpoint/webhook.state.js';
export * from './secret-sealing.js';
export * from './delivery/delivery-id.js';
export * from './webhook-key.js';
