import type {
  ActivityLogAction,
  ActivityLogItem,
  ActivityResourceType,
} from './activity-log.entry.js';

/** The columns every reader of entries selects (`itemOf` turns such a row into an item). */
export const ITEM_COLUMNS = `e.position, e.occurred_at, e.customer_id, e.customer_name, e.action,
  e.resource_type, e.user_id, e.upn, e.role, e.old_value, e.new_value, e.correlation_id,
  e.causation_id, e.event_id`;

/** A row of `ITEM_COLUMNS`, read with `safeIntegers` (positions are bigints). */
export interface ItemRow {
  readonly position: bigint;
  readonly occurred_at: string;
  readonly customer_id: string | null;
  readonly customer_name: string | null;
  readonly action: string;
  readonly resource_type: string;
  readonly user_id: string;
  readonly upn: string;
  readonly role: string;
  readonly old_value: string | null;
  readonly new_value: string | null;
  readonly correlation_id: string;
  readonly causation_id: string;
  readonly event_id: string;
}

/** The api's shape of an entry; a value the entry does not have is left out. */
export function itemOf(row: ItemRow): ActivityLogItem {
  return {
    position: row.position.toString(),
    occurredAt: row.occurred_at,
    customerId: row.customer_id,
    customerName: row.customer_name,
    action: row.action as ActivityLogAction,
    resourceType: row.resource_type as ActivityResourceType,
    performedBy: { userId: row.user_id, upn: row.upn, role: row.role },
    ...(row.old_value === null ? {} : { oldValue: JSON.parse(row.old_value) as unknown }),
    ...(row.new_value === null ? {} : { newValue: JSON.parse(row.new_value) as unknown }),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    eventId: row.event_id,
  };
}
