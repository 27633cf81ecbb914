import { WebhookSettingsDto } from '../webhook-settings.dto.js';

/** `POST /v1/webhooks` body: the URL, the event names, and optionally a description. */
export class CreateWebhookDto extends WebhookSettingsDto {}
