import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type DisabledBecause,
  type OutboxEndpoint,
  type RegisteredWebhook,
  WEBHOOK_EVENT_NAMES,
  type WebhookEventName,
  WebhookNotFound,
  type WebhookState,
} from '@customer-workspace/webhooks';

/** A webhook endpoint of the caller's, as the api shows it: never with a secret. */
export class WebhookView {
  @ApiProperty({ example: '5b1f7a9e-3c2d-4e8f-9a61-2b5c8d9e0a14' }) readonly id!: string;
  @ApiProperty({ example: 'https://hooks.partner.example/workspace', maxLength: 2048 })
  readonly url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_NAMES, isArray: true, example: ['customer-created'] })
  readonly events!: readonly WebhookEventName[];
  @ApiPropertyOptional({ example: 'CRM sync', maxLength: 500 }) readonly description?: string;
  @ApiProperty({ enum: ['enabled', 'disabled'], example: 'enabled' })
  readonly status!: 'enabled' | 'disabled';
  @ApiPropertyOptional({
    enum: ['partner', 'gone', 'failing'],
    description:
      'Why a disabled endpoint receives nothing: the partner disabled it, it answered 410 Gone, ' +
      'or it failed every attempt of the retry schedule',
  })
  readonly disabledReason?: DisabledBecause;

  /** The caller's endpoint in `state`; unknown, deleted or another partner's: `WebhookNotFound`. */
  static of(state: WebhookState, webhookId: string, partnerId: string): WebhookView {
    if (state.status !== 'registered' || state.webhook.partnerId !== partnerId)
      throw new WebhookNotFound(webhookId);
    return WebhookView.shown(state.webhook);
  }

  /** An endpoint as the delivery's outbox keeps it (the list). */
  static fromOutbox(endpoint: OutboxEndpoint): WebhookView {
    if (endpoint.status === 'deleted') throw new WebhookNotFound(endpoint.webhookId);
    return WebhookView.shown({ ...endpoint, status: endpoint.status });
  }

  private static shown(webhook: RegisteredWebhook): WebhookView {
    const { webhookId, url, events, description, status, disabledBecause } = webhook;
    return {
      id: webhookId,
      url,
      events,
      ...(description === undefined ? {} : { description }),
      status,
      ...(disabledBecause === undefined ? {} : { disabledReason: disabledBecause }),
    };
  }
}

/** `PATCH /v1/webhooks/{id}` answer: the endpoint and the position of the change. */
export class ChangedWebhookView extends WebhookView {
  @ApiProperty({
    description:
      'Global position of the last event appended, or of the stream’s last event when nothing changed',
    example: '42',
  })
  readonly position!: string;
}

/** `POST /v1/webhooks` answer: the endpoint with its signing secret, shown this once. */
export class CreatedWebhookView extends ChangedWebhookView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret (Standard Webhooks): shown in this answer only, never again; ' +
      'a retry with the same Idempotency-Key answers 409 `idempotent-answer-withheld`',
  })
  readonly secret!: string;
}
