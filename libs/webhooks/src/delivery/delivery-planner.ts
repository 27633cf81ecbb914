import {
  type CustomersDomainEvent,
  isCustomersDomainEventType,
  partnersConcerned,
} from '@customer-workspace/customers';
import type { RecordedEvent } from '@customer-workspace/event-store';
import { WEBHOOK_EVENT_SCHEMA_VERSIONS, type WebhookEvent } from '../endpoint/webhook.events.js';
import { evolveWebhook, type WebhookState } from '../endpoint/webhook.state.js';
import { webhookNoticeOf, type WebhookNotice } from '../webhook-events.js';
import { deliveryIdOf } from './delivery-id.js';
import type { OutboxEndpoint, ReplayRange, WebhookOutbox } from './webhook-outbox.js';

/** What a planner needs besides the events: the api's public origin (links), and now. */
export interface PlannerOptions {
  /** Prefixed to the links of a notification (`PUBLIC_BASE_URL`); relative links without it. */
  readonly baseUrl?: string;
  readonly now: () => number;
}

/** The body of a delivery: thin, with no personal data; links to the resource and its log entry. */
export interface DeliveryBody {
  readonly id: string;
  readonly eventName: string;
  readonly resourceName: string;
  readonly resourceUri: string;
  readonly auditUri: string | null;
  readonly resourceChangeUtcDate: string;
  readonly position: string;
  readonly partnerId: string;
}

const isWebhookEvent = (event: RecordedEvent): event is RecordedEvent & WebhookEvent =>
  Object.hasOwn(WEBHOOK_EVENT_SCHEMA_VERSIONS, event.type);

/**
 * Records, for a batch of the log, what the webhooks must do, with the checkpoint after it, in
 * one transaction of the outbox: the endpoints as they change, each event a partner may be
 * notified of (a notice per partner it concerns), and a delivery per event and subscribed,
 * enabled endpoint. Events at or before the checkpoint are skipped, so a batch handed over
 * twice (after a crash) records nothing twice. Returns the checkpoint after the batch.
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
        planNotices(outbox, event as RecordedEvent & CustomersDomainEvent, options);
      last = event.position;
    }
    if (last !== undefined && last !== checkpoint) outbox.saveCheckpoint(last);
    return last;
  });
}

/** Keeps the endpoint as its decider folds it; a test request becomes one delivery. */
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
    });
  } else if (after.status === 'deleted' && before !== undefined) {
    outbox.putEndpoint({ ...before, status: 'deleted' });
    outbox.dropDeliveries(webhookId);
  }
  if (event.type === 'WebhookEnabled') outbox.resumePending(webhookId, options.now());
  if (event.type === 'WebhookTestRequested' && after.status === 'registered') {
    if (after.webhook.status !== 'enabled') return;
    const notice: WebhookNotice = {
      eventName: 'test-created',
      resourceName: 'webhook',
      resourceUri: `/v1/webhooks/${encodeURIComponent(webhookId)}`,
    };
    addDelivery(
      outbox,
      sourceOf(event),
      after.webhook.partnerId,
      webhookId,
      notice,
      options,
      false,
    );
  }
}

function stateOf(endpoint: OutboxEndpoint | undefined): WebhookState {
  if (endpoint === undefined) return { status: 'none' };
  if (endpoint.status === 'deleted') return { status: 'deleted', partnerId: endpoint.partnerId };
  // The outbox's own columns ride along; the fold keeps and ignores them.
  return { status: 'registered', webhook: { ...endpoint, status: endpoint.status } };
}

/** A notice per partner the event concerns, and a delivery per endpoint subscribed to it. */
function planNotices(
  outbox: WebhookOutbox,
  event: RecordedEvent & CustomersDomainEvent,
  options: PlannerOptions,
): void {
  if (event.type === 'ResellerRelationshipRequested' && event.data.indirectProviderId)
    outbox.rememberProvider(event.data.invitationId, event.data.indirectProviderId);
  const notice = webhookNoticeOf(event);
  if (notice === undefined) return;
  const facts = { indirectProviderOf: (id: string) => outbox.providerOf(id) };
  for (const partnerId of partnersConcerned(event, event.metadata.partnerId, facts)) {
    outbox.addNotice({
      partnerId,
      position: event.position,
      eventId: event.eventId,
      eventName: notice.eventName,
      occurredAt: event.metadata.occurredAt,
      resourceName: notice.resourceName,
      resourceUri: notice.resourceUri,
    });
    for (const endpoint of outbox.subscribers(partnerId, notice.eventName))
      addDelivery(outbox, sourceOf(event), partnerId, endpoint.webhookId, notice, options, true);
  }
}

/** The event a delivery tells of: its id, time and position. */
interface Source {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly position: bigint;
}

const sourceOf = (event: RecordedEvent): Source => ({
  eventId: event.eventId,
  occurredAt: event.metadata.occurredAt,
  position: event.position,
});

function addDelivery(
  outbox: WebhookOutbox,
  source: Source,
  partnerId: string,
  webhookId: string,
  notice: WebhookNotice,
  options: PlannerOptions,
  logged: boolean,
): void {
  const body = deliveryBody(
    { ...notice, eventId: source.eventId, occurredAt: source.occurredAt },
    { position: source.position, partnerId, webhookId, logged },
    options.baseUrl,
  );
  outbox.addDelivery(
    {
      id: body.id,
      webhookId,
      partnerId,
      position: source.position,
      eventName: notice.eventName,
      occurredAt: source.occurredAt,
      body: JSON.stringify(body),
    },
    options.now(),
  );
}

/**
 * Sends again what the endpoint is subscribed to in `range` (positions up to what the outbox
 * has planned, or a time range): every notice of its partner for its event names, delivered
 * before or not (one that predates the endpoint or came while it was disabled included), and its
 * own deliveries there (tests). Each keeps its `webhook-id` and starts a fresh schedule. Returns
 * how many deliveries are pending because of it.
 */
export function replayDeliveries(
  outbox: WebhookOutbox,
  endpoint: Pick<OutboxEndpoint, 'webhookId' | 'partnerId' | 'events'>,
  range: ReplayRange,
  options: PlannerOptions,
): number {
  return outbox.durably(() => {
    const now = options.now();
    const replayed = new Set<bigint>();
    for (const notice of outbox.noticesFor(endpoint.partnerId, endpoint.events, range)) {
      if (!outbox.restartDelivery(endpoint.webhookId, notice.position, now))
        addDelivery(outbox, notice, endpoint.partnerId, endpoint.webhookId, notice, options, true);
      replayed.add(notice.position);
    }
    for (const delivery of outbox.deliveriesInRange(endpoint.webhookId, range)) {
      if (replayed.has(delivery.position)) continue;
      outbox.restartDelivery(endpoint.webhookId, delivery.position, now);
      replayed.add(delivery.position);
    }
    return replayed.size;
  });
}

/**
 * The body of the delivery of one notice to one endpoint. `auditUri` is the partner's
 * activity-log entry of the event, waiting for the log to show it (`minPosition`): none for a
 * test, which is no action of the log.
 */
export function deliveryBody(
  notice: WebhookNotice & { readonly eventId: string; readonly occurredAt: string },
  to: {
    readonly position: bigint;
    readonly partnerId: string;
    readonly webhookId: string;
    readonly logged: boolean;
  },
  baseUrl?: string,
): DeliveryBody {
  const link = (path: string) => `${(baseUrl ?? '').replace(/\/+$/, '')}${path}`;
  return {
    id: deliveryIdOf(notice.eventId, to.webhookId),
    eventName: notice.eventName,
    resourceName: notice.resourceName,
    resourceUri: link(notice.resourceUri),
    auditUri: to.logged
      ? link(`/v1/activity-logs/${to.position}?minPosition=${to.position}`)
      : null,
    resourceChangeUtcDate: notice.occurredAt,
    position: to.position.toString(),
    partnerId: to.partnerId,
  };
}
