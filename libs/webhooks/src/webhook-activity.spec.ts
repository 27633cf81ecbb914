import { isWebhookEventType, WEBHOOK_ACTIVITY_ACTIONS } from './webhook-activity.js';
import { WEBHOOK_EVENT_SCHEMA_VERSIONS } from './endpoint/webhook.events.js';

describe('webhook activity-log actions', () => {
  it('names the five webhook operation types of docs/product.md, enabling as an update', () => {
    expect(WEBHOOK_ACTIVITY_ACTIONS).toEqual({
      WebhookCreated: 'create_webhook',
      WebhookUpdated: 'update_webhook',
      WebhookEnabled: 'update_webhook',
      WebhookDisabled: 'disable_webhook',
      WebhookSecretRotated: 'rotate_webhook_secret',
      WebhookDeleted: 'delete_webhook',
      WebhookTestRequested: null,
    });
  });

  it('decides every webhook event type', () => {
    expect(Object.keys(WEBHOOK_ACTIVITY_ACTIONS).sort()).toEqual(
      Object.keys(WEBHOOK_EVENT_SCHEMA_VERSIONS).sort(),
    );
  });

  it('recognises the webhook event types, and only them', () => {
    expect(isWebhookEventType('WebhookDeleted')).toBe(true);
    expect(isWebhookEventType('OrderCreated')).toBe(false);
    expect(isWebhookEventType('toString')).toBe(false);
  });
});
