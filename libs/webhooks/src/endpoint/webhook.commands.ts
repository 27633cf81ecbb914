import type { Command } from '@customer-workspace/kernel';
import type { DisabledBecause, SealedSecret, WebhookSettings } from './webhook.events.js';

interface OfPartner {
  readonly webhookId: string;
  /** The caller: another partner's endpoint is not found. */
  readonly partnerId: string;
}

/** Register an endpoint whose URL was found safe; `secret` sealed by the caller. */
export type CreateWebhook = Command<
  'CreateWebhook',
  OfPartner & WebhookSettings & { readonly secret: SealedSecret }
>;

/** Change some settings and, optionally, enable or disable the endpoint. */
export type UpdateWebhook = Command<
  'UpdateWebhook',
  OfPartner & Partial<WebhookSettings> & { readonly status?: 'enabled' | 'disabled' }
>;

/** Stop deliveries for a reason of the delivery process (`gone`, `failing`). */
export type DisableWebhook = Command<
  'DisableWebhook',
  OfPartner & { readonly because: Exclude<DisabledBecause, 'partner'> }
>;

/** Sign with a new secret from `at` on; the old one stays valid for 24 hours. */
export type RotateWebhookSecret = Command<
  'RotateWebhookSecret',
  OfPartner & { readonly secret: SealedSecret; readonly at: string }
>;

export type DeleteWebhook = Command<'DeleteWebhook', OfPartner>;

/** Send one `test-created` delivery to an enabled endpoint. */
export type RequestWebhookTest = Command<'RequestWebhookTest', OfPartner>;

export type WebhookCommand =
  | CreateWebhook
  | UpdateWebhook
  | DisableWebhook
  | RotateWebhookSecret
  | DeleteWebhook
  | RequestWebhookTest;
