import type { WebhookEvent, WebhookSettings } from '@customer-workspace/webhooks';
import type { ActivityChange } from './activity-log.changes.js';

/** The webhook events that are entries (`WebhookTestRequested` asks for a delivery only). */
export type LoggedWebhookEvent = Exclude<WebhookEvent, { type: 'WebhookTestRequested' }>;

type DataOf<T extends LoggedWebhookEvent['type']> = Extract<
  LoggedWebhookEvent,
  { type: T }
>['data'];

/** One describer per logged webhook event type: the compiler refuses a missing one. */
type Describers = {
  readonly [T in LoggedWebhookEvent['type']]: (data: DataOf<T>) => ActivityChange;
};

/**
 * The old and new values each webhook event shows, always naming the endpoint. Fields are
 * picked one by one, never copied whole: an endpoint's secret (sealed as it is in the event)
 * must never reach the log, its exports or a notification's audit entry.
 */
const DESCRIBERS: Describers = {
  WebhookCreated: ({ webhookId, url, events, description }) =>
    webhook({ newValue: { webhookId, ...settingsOf({ url, events, description }) } }),
  WebhookUpdated: (data) =>
    webhook({
      ...(data.old !== undefined && {
        oldValue: { webhookId: data.webhookId, ...settingsOf(data.old) },
      }),
      ...(data.new !== undefined && {
        newValue: { webhookId: data.webhookId, ...settingsOf(data.new) },
      }),
    }),
  WebhookEnabled: ({ webhookId }) =>
    webhook({
      oldValue: { webhookId, status: 'disabled' },
      newValue: { webhookId, status: 'enabled' },
    }),
  WebhookDisabled: ({ webhookId, because }) =>
    webhook({
      oldValue: { webhookId, status: 'enabled' },
      newValue: { webhookId, status: 'disabled', reason: because },
    }),
  WebhookSecretRotated: ({ webhookId, previousValidUntil }) =>
    webhook({ newValue: { webhookId, previousSecretValidUntil: previousValidUntil } }),
  WebhookDeleted: ({ webhookId }) => webhook({ oldValue: { webhookId }, newValue: null }),
};

/** The resource type and old/new values of a logged webhook event. */
export function webhookChangeOf(event: LoggedWebhookEvent): ActivityChange {
  const describe = DESCRIBERS[event.type] as (data: LoggedWebhookEvent['data']) => ActivityChange;
  return describe(event.data);
}

const webhook = (values: Omit<ActivityChange, 'resourceType'>): ActivityChange => ({
  resourceType: 'webhook',
  ...values,
});

/** The settings a value shows: only the fields set (a stored event may lack some). */
function settingsOf(settings: Partial<WebhookSettings> | null): Partial<WebhookSettings> {
  if (settings === null || typeof settings !== 'object') return {};
  const { url, events, description } = settings;
  return {
    ...(url !== undefined && { url }),
    ...(events !== undefined && { events }),
    ...(description !== undefined && { description }),
  };
}
