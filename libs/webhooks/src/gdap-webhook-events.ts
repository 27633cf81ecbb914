import {
  GDAP_WEBHOOK_EVENTS,
  type GdapRelationshipEvent,
  type GdapWebhookEventName,
} from '@customer-workspace/gdap';
import type { WebhookEventName, WebhookNotice } from './webhook-events.js';

/**
 * The names one GDAP notice answers to, after the first: an approval activates the relationship
 * in the same instant, so its one notice (`granular-admin-relationship-approved`) is also what
 * an endpoint subscribed to `granular-admin-relationship-activated` receives, under that name.
 * One event, one notice, one `webhook-id` per endpoint, whichever of the names it chose.
 */
const ALSO_NOTIFIED_AS: Readonly<Record<string, readonly GdapWebhookEventName[]>> =
  Object.fromEntries(
    Object.values(GDAP_WEBHOOK_EVENTS)
      .filter((names) => names.length > 1)
      .map(([first, ...others]) => [first as string, others]),
  );

/** The notice names an endpoint subscribed to `events` receives (aliases included). */
export function subscribedNoticeNames(events: readonly WebhookEventName[]): WebhookEventName[] {
  const names = new Set<WebhookEventName>(events);
  for (const [first, others] of Object.entries(ALSO_NOTIFIED_AS))
    if (others.some((name) => names.has(name))) names.add(first as WebhookEventName);
  return [...names];
}

/**
 * The name a notice is delivered under to an endpoint subscribed to `events`: its own when
 * subscribed to it, otherwise the alias the endpoint chose.
 */
export function deliveredEventName(
  noticeName: WebhookEventName,
  events: readonly WebhookEventName[],
): WebhookEventName {
  if (events.includes(noticeName)) return noticeName;
  const alias = ALSO_NOTIFIED_AS[noticeName]?.find((name) => events.includes(name));
  return alias ?? noticeName;
}

const relationshipUri = (relationshipId: string) =>
  `/v1/gdap-relationships/${encodeURIComponent(relationshipId)}`;

/**
 * The notice of a GDAP relationship event (`GDAP_WEBHOOK_EVENTS`), or undefined when partners
 * are not notified of it. Thin: the relationship's link, or its assignments' for an assignment.
 */
export function gdapWebhookNoticeOf(event: GdapRelationshipEvent): WebhookNotice | undefined {
  const [eventName] = GDAP_WEBHOOK_EVENTS[event.type];
  if (eventName === undefined) return undefined;
  const uri = relationshipUri(event.data.relationshipId);
  if (event.type === 'GdapAccessAssignmentCreated' || event.type === 'GdapAccessAssignmentDeleted')
    return {
      eventName,
      resourceName: 'gdap-access-assignment',
      resourceUri: `${uri}/access-assignments`,
    };
  return { eventName, resourceName: 'gdap-relationship', resourceUri: uri };
}
