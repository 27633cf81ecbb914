import { AppError } from '@customer-workspace/kernel';

/** No such endpoint of the caller's: unknown, deleted, or another partner's (404). */
export class WebhookNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(webhookId: string) {
    super('webhook-not-found', `Webhook ${webhookId} was not found`);
  }
}

/** The id is taken (a retried create with the same `Idempotency-Key` is answered before this). */
export class WebhookAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(webhookId: string) {
    super('webhook-already-exists', `Webhook ${webhookId} already exists`);
  }
}

/** An endpoint must be subscribed to at least one event name. */
export class WebhookWithoutEvents extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('webhook-without-events', 'A webhook must subscribe to at least one event name');
  }
}

/** A disabled endpoint receives nothing, a test included: enable it first. */
export class WebhookIsDisabled extends AppError {
  readonly kind = 'conflict';
  constructor(webhookId: string) {
    super('webhook-disabled', `Webhook ${webhookId} is disabled; enable it to receive deliveries`);
  }
}

/** A replay would send more deliveries than one request may: replay shorter time ranges. */
export class ReplayTooLarge extends AppError {
  readonly kind = 'rule';
  constructor(max: number) {
    super(
      'replay-too-large',
      `A replay sends at most ${max} deliveries and this range holds more: ` +
        'replay it in shorter time ranges (from, to)',
    );
  }
}
