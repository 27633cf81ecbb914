import { type DomainEvent, Upcasters } from '@customer-workspace/kernel';
import type { WebhookEventName } from '../webhook-events.js';

/**
 * An endpoint's signing secret as events keep it: encrypted (AES-256-GCM) with the deployment's
 * webhook key, so the log, its exports and a replay never show it. Opaque to the domain.
 */
export type SealedSecret = string;

/** What a partner can change of an endpoint. */
export interface WebhookSettings {
  readonly url: string;
  readonly events: readonly WebhookEventName[];
  readonly description?: string;
}

/** Why an endpoint stopped receiving deliveries. */
export type DisabledBecause = 'partner' | 'gone' | 'failing';

/** A partner registered an endpoint; its secret is shown to the partner once, in the answer. */
export type WebhookCreated = DomainEvent<
  'WebhookCreated',
  WebhookSettings & {
    readonly webhookId: string;
    readonly partnerId: string;
    readonly secret: SealedSecret;
  }
>;

/** The partner changed the URL, the event names or the description (old and new values). */
export type WebhookUpdated = DomainEvent<
  'WebhookUpdated',
  {
    readonly webhookId: string;
    readonly partnerId: string;
    readonly old: Partial<WebhookSettings>;
    readonly new: Partial<WebhookSettings>;
  }
>;

/**
 * Deliveries stopped: the partner disabled the endpoint, it answered `410 Gone`, or it failed
 * every attempt of the retry schedule.
 */
export type WebhookDisabled = DomainEvent<
  'WebhookDisabled',
  { readonly webhookId: string; readonly partnerId: string; readonly because: DisabledBecause }
>;

/** The partner enabled a disabled endpoint again. */
export type WebhookEnabled = DomainEvent<
  'WebhookEnabled',
  { readonly webhookId: string; readonly partnerId: string }
>;

/**
 * A new secret signs from now on; the previous one also signs until `previousValidUntil`
 * (24 hours), so the partner's receiver can switch without missing a delivery.
 */
export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  {
    readonly webhookId: string;
    readonly partnerId: string;
    readonly secret: SealedSecret;
    readonly previousValidUntil: string;
  }
>;

/** The partner deleted the endpoint; its pending deliveries are dropped. */
export type WebhookDeleted = DomainEvent<
  'WebhookDeleted',
  { readonly webhookId: string; readonly partnerId: string }
>;

/** The partner asked for one `test-created` delivery to this endpoint. */
export type WebhookTestRequested = DomainEvent<
  'WebhookTestRequested',
  { readonly webhookId: string; readonly partnerId: string }
>;

/** Every event of a `webhook-<id>` stream. */
export type WebhookEvent =
  | WebhookCreated
  | WebhookUpdated
  | WebhookDisabled
  | WebhookEnabled
  | WebhookSecretRotated
  | WebhookDeleted
  | WebhookTestRequested;

/** Every type of event of a `webhook-<id>` stream. */
export type WebhookEventType = WebhookEvent['type'];

/** The schema version each webhook event type is written at. */
export const WEBHOOK_EVENT_SCHEMA_VERSIONS: Readonly<Record<WebhookEvent['type'], number>> = {
  WebhookCreated: 1,
  WebhookUpdated: 1,
  WebhookDisabled: 1,
  WebhookEnabled: 1,
  WebhookSecretRotated: 1,
  WebhookDeleted: 1,
  WebhookTestRequested: 1,
};

/** The stream category of webhook endpoints (`webhook-<id>`): added to what the api reads. */
export const WEBHOOK_STREAM_CATEGORIES: readonly string[] = ['webhook-'];

/** How stored webhook events are brought to their current shape (none has a second version). */
export const WEBHOOK_UPCASTERS = new Upcasters(WEBHOOK_EVENT_SCHEMA_VERSIONS, []);
