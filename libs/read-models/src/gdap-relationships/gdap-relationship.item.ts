import {
  dueGdapTransitions,
  evolveGdapRelationship,
  type GdapRelationshipState,
  type GdapRelationshipStatus,
  type GdapSettings,
} from '@customer-workspace/gdap';

/** A relationship as the api shows it, at the query's instant. */
export interface GdapRelationshipItem {
  readonly id: string;
  readonly partnerId: string;
  readonly customerId: string | null;
  readonly displayName: string;
  readonly status: GdapRelationshipStatus;
  readonly duration: string;
  readonly autoExtendDuration: string;
  readonly roles: readonly string[];
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  /** When the approval request expires (locked, not yet approved or ended). */
  readonly expiresAt: string | null;
  readonly activatedDateTime: string | null;
  readonly endDateTime: string | null;
  /** When it expired or was terminated. */
  readonly endedDateTime: string | null;
}

/** The columns every item is read from, and their row. */
export const ITEM_COLUMNS = `seq, relationship_id, partner_id, customer_id, display_name, status,
  duration, auto_extend_duration, roles, created_at, requested_at, expires_at, activated_at,
  end_date_time, ended_at, last_modified`;

export interface ItemRow {
  seq: number;
  relationship_id: string;
  partner_id: string;
  customer_id: string | null;
  display_name: string;
  status: GdapRelationshipStatus;
  duration: string;
  auto_extend_duration: GdapSettings['autoExtendDuration'];
  roles: string;
  created_at: string;
  requested_at: string | null;
  expires_at: string | null;
  activated_at: string | null;
  end_date_time: string | null;
  ended_at: string | null;
  last_modified: string;
}

/**
 * A row as it is at `now`: an expiry or auto-extension due by then but not yet recorded (the
 * transition process records it within moments) already shows, by the domain's own planner.
 */
export function itemAt(row: ItemRow, now: string): GdapRelationshipItem {
  const item: GdapRelationshipItem = {
    id: row.relationship_id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    displayName: row.display_name,
    status: row.status,
    duration: row.duration,
    autoExtendDuration: row.auto_extend_duration,
    roles: JSON.parse(row.roles) as string[],
    createdDateTime: row.created_at,
    lastModifiedDateTime: row.last_modified,
    expiresAt: row.status === 'approvalPending' ? row.expires_at : null,
    activatedDateTime: row.activated_at,
    endDateTime: row.end_date_time,
    endedDateTime: row.ended_at,
  };
  const state = pendingState(row, item);
  const due = state === undefined ? [] : dueGdapTransitions(state, now);
  if (due.length === 0 || state === undefined) return item;
  const after = due.map(({ event }) => event).reduce(evolveGdapRelationship, state);
  if (after.status === 'expired')
    return { ...item, status: 'expired', expiresAt: null, endedDateTime: after.expiredAt };
  if (after.status === 'active') return { ...item, endDateTime: after.activation.endDateTime };
  return item;
}

/** The domain state of a row time can still change (locked or active), else undefined. */
function pendingState(row: ItemRow, item: GdapRelationshipItem): GdapRelationshipState | undefined {
  if (row.requested_at === null || row.expires_at === null) return undefined;
  const relationship = {
    relationshipId: item.id,
    partnerId: item.partnerId,
    ...(item.customerId !== null && { customerId: item.customerId }),
    displayName: item.displayName,
    duration: item.duration,
    autoExtendDuration: row.auto_extend_duration,
    roles: item.roles,
    createdDateTime: item.createdDateTime,
  };
  // The token's hash is no business of the read model: the planner never looks at it.
  const approval = { tokenHash: '', requestedAt: row.requested_at, expiresAt: row.expires_at };
  if (row.status === 'approvalPending')
    return { status: 'approvalPending', relationship, approval };
  if (row.status !== 'active' || row.customer_id === null) return undefined;
  if (row.activated_at === null || row.end_date_time === null) return undefined;
  return {
    status: 'active',
    relationship: { ...relationship, customerId: row.customer_id },
    approval,
    activation: { activatedDateTime: row.activated_at, endDateTime: row.end_date_time },
    accessAssignments: new Map(),
  };
}
