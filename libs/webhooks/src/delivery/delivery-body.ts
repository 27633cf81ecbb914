import type { WebhookNotice } from '../webhook-events.js';
import { deliveryIdOf } from './delivery-id.js';
import type { OutboxNotice } from './webhook-outbox.js';

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

/** The body of the delivery of an outbox notice to `webhookId` (a test is no action of the log). */
export function bodyOfNotice(notice: OutboxNotice, webhookId: string, baseUrl?: string): string {
  const body = deliveryBody(
    notice,
    {
      position: notice.position,
      partnerId: notice.partnerId,
      webhookId,
      logged: notice.webhookId === undefined,
    },
    baseUrl,
  );
  return JSON.stringify(body);
}
