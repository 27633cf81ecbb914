import {
  type CustomersDomainEvent,
  isCustomersDomainEventType,
  partnersConcerned,
} from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { type GdapEvent, isGdapEventType } from '@customer-workspace/gdap';
import { WEBHOOK_EVENT_SCHEMA_VERSIONS, type WebhookEvent } from '../endpoint/webhook.events.js';
import { evolveWebhook, type WebhookState } from '../endpoint/webhook.state.js';
import { type WebhookNotice, webhookNoticeOf } from '../webhook-events.js';
import { gdapWebhookNoticeOf } from '../gdap-webhook-events.js';
import { ReplayTooLarge } from '../endpoint/webhook.errors.js';
import { bodyOfNotice } from './delivery-body.js';
import { deliveryIdOf } from './delivery-id.js';
import type { OutboxEndpoint, ReplayRange, Subscriber, WebhookOutbox } from './webhook-outbox.js';

/** What the planner and a replay need besides the events: the api's public origin, and now. */
export interface PlannerOptions {
  /** Prefixed to the links of a notification (`PUBLIC_BASE_URL`); relative links without it. */
  readonly baseUrl?: string;
  readonly now: () => number;
  /** The most deliveries one replay may send (default `MAX_REPLAY_DELIVERIES`). */
  readonly maxReplay?: number;
}

/**
 * The most deliveries one replay sends: it is recorded in one synced transaction before its
 * answer, so a larger one would hold the api up; a longer history is replayed in time ranges.
 */
export const MAX_REPLAY_DELIVERIES = 10_000;

const isWebhookEvent = (event: RecordedEvent): event is RecordedEvent & WebhookEvent =>
  Object.hasOwn(WEBHOOK_EVENT_SCHEMA_VERSIONS, event.type);

/**
 * Records, for a batch of the log, what the webhooks owe, with the checkpoint after it, in one
 * transaction of the outbox: the endpoints as they change (a new one owes what comes after its
 * creation), and a notice per event and partner it concerns (a test: for its endpoint only).
 * Nothing per endpoint: the dispatcher takes each endpoint's notices into deliveries as it
 * reaches them, so an event costs the same however many endpoints there are. Events at or
 * before the checkpoint are skipped, so a batch handed over twice (after a crash) records
 * nothing twice. Returns the checkpoint after the batch.
 */
export function planDeliveries(
  outbox: WebhookOutbox,
  events: readonly RecordedEvent[],
  options: PlannerOptions,
): bigint | undefined {
  return outbox.transaction(() => {
    const checkpoint = outbox.checkpoint();
    let last = checkpoint;
    for (const event of events) {
      if (checkpoint !== undefined && event.position <= checkpoint) continue;
      if (isWebhookEvent(event)) planEndpointChange(outbox, event, options);
      else if (isCustomersDomainEventType(event.type))
        planNotices(outbox, event as RecordedEvent & CustomersDomainEvent);
      else if (isGdapEventType(event.type))
        planGdapNotice(outbox, event as RecordedEvent & GdapEvent);
      last = event.position;
    }
    if (last !== undefined && last !== checkpoint) outbox.saveCheckpoint(last);
    return last;
  });
}

/** Keeps the endpoint as its decider folds it; a test request becomes a notice for it alone. */
function planEndpointChange(
  outbox: WebhookOutbox,
  event: RecordedEvent & WebhookEvent,
  options: PlannerOptions,
): void {
  const { webhookId } = event.data;
  const before = outbox.endpoint(webhookId);
  const after = evolveWebhook(stateOf(before), event);
  if (after.status === 'registered') {
    outbox.putEndpoint({
      ...after.webhook,
      createdPosition: before?.createdPosition ?? event.position,
      createdAt: before?.createdAt ?? event.metadata.occurredAt,
      cursor: before?.cursor ?? event.position,
    });
  } else if (after.status === 'deleted' && before !== undefined) {
    outbox.putEndpoint({ ...before, status: 'deleted' });
    outbox.dropDeliveries(webhookId);
  }
  if (event.type === 'WebhookEnabled') outbox.resumePending(webhookId, options.now());
  if (
    event.type === 'WebhookTestRequested' &&
    after.status === 'registered' &&
    after.webhook.status === 'enabled'
  )
    outbox.addNotice({
      partnerId: after.webhook.partnerId,
      position: event.position,
      eventId: event.eventId,
      eventName: 'test-created',
      occurredAt: event.metadata.occurredAt,
      resourceName: 'webhook',
      resourceUri: `/v1/webhooks/${encodeURIComponent(webhookId)}`,
      webhookId,
    });
}

function stateOf(endpoint: OutboxEndpoint | undefined): WebhookState {
  if (endpoint === undefined) return { status: 'none' };
  if (endpoint.status === 'deleted') return { status: 'deleted', partnerId: endpoint.partnerId };
  // The outbox's own columns ride along; the fold keeps and ignores them.
  return { status: 'registered', webhook: { ...endpoint, status: endpoint.status } };
}

/** A notice per partner the event concerns (none for what partners are not notified of). */
function planNotices(outbox: WebhookOutbox, event: RecordedEvent & CustomersDomainEvent): void {
  if (event.type === 'ResellerRelationshipRequested' && event.data.indirectProviderId)
    outbox.rememberProvider(event.data.invitationId, event.data.indirectProviderId);
  const notice = webhookNoticeOf(event);
  if (notice === undefined) return;
  const facts = { indirectProviderOf: (id: string) => outbox.providerOf(id) };
  for (const partnerId of partnersConcerned(event, event.metadata.partnerId, facts))
    addNotice(outbox, event, partnerId, notice);
}

/** A GDAP event concerns its relationship's partner only (the display-name index notifies none). */
function planGdapNotice(outbox: WebhookOutbox, event: RecordedEvent & GdapEvent): void {
  if (event.type === 'GdapDisplayNameReserved' || event.type === 'GdapDisplayNameReleased') return;
  const notice = gdapWebhookNoticeOf(event);
  if (notice !== undefined) addNotice(outbox, event, event.data.partnerId, notice);
}

function addNotice(
  outbox: WebhookOutbox,
  event: RecordedEvent,
  partnerId: string,
  notice: WebhookNotice,
): void {
  outbox.addNotice({
    partnerId,
    position: event.position,
    eventId: event.eventId,
    eventName: notice.eventName,
    occurredAt: event.metadata.occurredAt,
    resourceName: notice.resourceName,
    resourceUri: notice.resourceUri,
  });
}

/**
 * Sends again what the endpoint is subscribed to in `range` (positions up to what the outbox
 * has planned, or a time range): every notice of its partner for its event names and its own
 * tests, delivered before or not (one that predates the endpoint or came while it was disabled
 * included). Each keeps its `webhook-id` and starts a fresh schedule; they are attempted in
 * position order with what the endpoint owes. Synced to disk before it returns. Returns how
 * many deliveries are pending because of it.
 */
export function replayDeliveries(
  outbox: WebhookOutbox,
  endpoint: Subscriber,
  range: ReplayRange,
  options: PlannerOptions,
): number {
  return outbox.durably(() => {
    const now = options.now();
    const max = options.maxReplay ?? MAX_REPLAY_DELIVERIES;
    const notices = outbox.noticesFor(endpoint, range, max + 1);
    if (notices.length > max) throw new ReplayTooLarge(max);
    let count = 0;
    for (const notice of notices) {
      if (!outbox.restartDelivery(endpoint.webhookId, notice.position, now))
        outbox.addDelivery(
          {
            id: deliveryIdOf(notice.eventId, endpoint.webhookId),
            webhookId: endpoint.webhookId,
            partnerId: endpoint.partnerId,
            position: notice.position,
            eventName: notice.eventName,
            occurredAt: notice.occurredAt,
            body: bodyOfNotice(notice, endpoint.webhookId, options.baseUrl),
          },
          now,
        );
      count++;
    }
    return count;
  });
}
