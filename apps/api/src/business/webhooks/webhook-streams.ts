import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  type EventStore,
  type LoadedStream,
  StreamView,
} from '@customer-workspace/event-store';
import { type WebhookState, webhookStream } from '@customer-workspace/webhooks';
import { webhookFold } from './get-webhook/webhook.fold.js';

/**
 * The endpoints' own streams, folded as their decider folds them, one fold kept per stream for
 * every route that reads an endpoint (its view, the delivery routes): always current, and no
 * second cache of the same streams.
 */
@Injectable()
export class WebhookStreams {
  private readonly view: StreamView<WebhookState>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.view = new StreamView(store, webhookFold);
  }

  load(webhookId: string): Promise<LoadedStream<WebhookState>> {
    return this.view.load(webhookStream(webhookId));
  }
}
