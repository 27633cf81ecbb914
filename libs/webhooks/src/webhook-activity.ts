import type { WebhookEventType } from './endpoint/webhook.events.js';

/** The activity-log actions of webhook endpoints, after Partner Center's operation types. */
export type WebhookActivityAction =
  | 'create_webhook'
  | 'update_webhook'
  | 'delete_webhook'
  | 'rotate_webhook_secret'
  | 'disable_webhook';

/**
 * The activity-log action of each webhook event type (docs/product.md, the action names).
 * Enabling an endpoint again is an update of its status. `null` for `WebhookTestRequested`: a
 * delivery asked for, nothing about the endpoint changes. A record over every type, so a new
 * event type does not compile until it is decided here.
 */
export const WEBHOOK_ACTIVITY_ACTIONS: Readonly<
  Record<WebhookEventType, WebhookActivityAction | null>
> = {
  WebhookCreated: 'create_webhook',
  WebhookUpdated: 'update_webhook',
  WebhookEnabled: 'update_webhook',
  WebhookDisabled: 'disable_webhook',
  WebhookSecretRotated: 'rotate_webhook_secret',
  WebhookDeleted: 'delete_webhook',
  WebhookTestRequested: null,
};

/** Whether a stored event's `type` is a webhook endpoint's (e.g. while reading `$all`). */
export function isWebhookEventType(type: string): type is WebhookEventType {
  return Object.hasOwn(WEBHOOK_ACTIVITY_ACTIONS, type);
}
