import { ACTIVITY_LOG_ACTIONS, type PartnerCenterAction } from '@customer-workspace/customers';
import type { Actor } from '@customer-workspace/event-store';
import { GDAP_ACTIVITY_ACTIONS, type GdapActivityAction } from '@customer-workspace/gdap';
import { WEBHOOK_ACTIVITY_ACTIONS, type WebhookActivityAction } from '@customer-workspace/webhooks';

/** The projection's name: its read-model files and its runner are found by it. */
export const ACTIVITY_LOG = 'activity-log';

/** An action of the log: of the customers domain, of a webhook endpoint or of GDAP. */
export type ActivityLogAction = PartnerCenterAction | WebhookActivityAction | GdapActivityAction;

/**
 * The 33 action names the log records (docs/product.md, the action names), each once: the
 * customers domain's, the webhook endpoints', then GDAP's.
 */
export const ACTIVITY_LOG_ACTION_NAMES: readonly ActivityLogAction[] = [
  ...new Set([
    ...Object.values(ACTIVITY_LOG_ACTIONS),
    ...Object.values(WEBHOOK_ACTIVITY_ACTIONS),
    ...Object.values(GDAP_ACTIVITY_ACTIONS),
  ]),
].filter((action): action is ActivityLogAction => action !== null);

/** What kind of thing an entry changed. */
export const ACTIVITY_RESOURCE_TYPES = [
  'partner',
  'customer',
  'billing-profile',
  'relationship-request',
  'relationship',
  'delegated-admin',
  'order',
  'subscription',
  'tag',
  'customer-tag',
  'customer-list',
  'activity-log',
  'webhook',
  'gdap-relationship',
  'gdap-access-assignment',
] as const;
export type ActivityResourceType = (typeof ACTIVITY_RESOURCE_TYPES)[number];

/**
 * One entry of one partner's activity log, as the projection stores it: the event's action,
 * who performed it, when, on which customer, and the old and new values of what changed.
 * `oldValue` / `newValue` are absent when the action has none (a creation has no old value).
 */
export interface ActivityLogEntry {
  readonly partnerId: string;
  readonly position: bigint;
  readonly eventId: string;
  /** ISO-8601 instant, normalised (`toISOString`) so that date ranges compare as text. */
  readonly occurredAt: string;
  readonly customerId: string | null;
  readonly customerName: string | null;
  readonly action: ActivityLogAction;
  readonly resourceType: ActivityResourceType;
  readonly performedBy: Actor;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly correlationId: string;
  readonly causationId: string;
}

/** An entry as the api and the exports show it (docs/api.md#activity-log). */
export type ActivityLogItem = Omit<ActivityLogEntry, 'partnerId' | 'position'> & {
  /** The event's global position, a decimal string. */
  readonly position: string;
};
