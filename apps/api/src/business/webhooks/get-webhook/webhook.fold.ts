import type { RecordedEvent, RecordedFold } from '@customer-workspace/event-store';
import {
  evolveWebhook,
  initialWebhookState,
  type WebhookEvent,
  type WebhookState,
} from '@customer-workspace/webhooks';

/** A `webhook-<id>` stream folded as its decider folds it. */
export const webhookFold: RecordedFold<WebhookState> = {
  initialState: initialWebhookState,
  evolve: (state, event: RecordedEvent) =>
    evolveWebhook(state, event as RecordedEvent & WebhookEvent),
};
