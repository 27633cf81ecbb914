import type Database from 'better-sqlite3';
import type { GdapRelationshipStatus } from '@customer-workspace/gdap';
import { statementCache } from '../projection/statement-cache.js';
import {
  type GdapRelationshipItem,
  ITEM_COLUMNS,
  type ItemRow,
  itemAt,
} from './gdap-relationship.item.js';

/** Largest page of `GET /v1/gdap-relationships` and the default one. */
export const MAX_GDAP_PAGE = 500;
export const DEFAULT_GDAP_PAGE = 50;

export interface GdapRelationshipFilter {
  readonly status?: GdapRelationshipStatus;
  readonly customerId?: string;
  /**
   * Relationships that will end by this instant and have not yet: active ones that do not
   * auto-extend, by `endDateTime`, and approval requests, by `expiresAt`.
   */
  readonly endingBy?: string;
}

export interface GdapRelationshipPage {
  readonly items: GdapRelationshipItem[];
  /** Newest first; the cursor is the creation order of the page's last item. */
  readonly nextCursor: string | null;
  readonly total: number;
}

const prepared = statementCache();

/**
 * The status filters at `@now`, as the rows are then (`itemAt`): a request past its expiry is
 * expired, an active relationship past its end is expired unless it auto-extends.
 */
const STATUS_AT_NOW: Readonly<Record<GdapRelationshipStatus, string>> = {
  created: `status = 'created'`,
  approvalPending: `(status = 'approvalPending' AND expires_at > @now)`,
  active: `(status = 'active' AND (auto_extends = 1 OR end_date_time > @now))`,
  expired: `(status = 'expired' OR (status = 'approvalPending' AND expires_at <= @now)
    OR (status = 'active' AND auto_extends = 0 AND end_date_time <= @now))`,
  terminated: `status = 'terminated'`,
};

const ENDING_BY = `((status = 'active' AND auto_extends = 0 AND end_date_time > @now
    AND end_date_time <= @endingBy)
  OR (status = 'approvalPending' AND expires_at > @now AND expires_at <= @endingBy))`;

/** A page of the partner's relationships matching `filter`, as they are at `now`. */
export function queryGdapRelationships(
  db: Database.Database,
  partnerId: string,
  filter: GdapRelationshipFilter,
  page: { readonly limit: number; readonly before?: number },
  now: string,
): GdapRelationshipPage {
  const conditions = ['partner_id = @partnerId'];
  if (filter.customerId !== undefined) conditions.push('customer_id = @customerId');
  if (filter.status !== undefined) conditions.push(STATUS_AT_NOW[filter.status]);
  if (filter.endingBy !== undefined) conditions.push(ENDING_BY);
  const where = conditions.join(' AND ');
  const params = {
    partnerId,
    now,
    ...(filter.customerId !== undefined && { customerId: filter.customerId }),
    ...(filter.endingBy !== undefined && { endingBy: filter.endingBy }),
  };
  const cursor = page.before === undefined ? '' : ' AND seq < @before';
  const rows = prepared(
    db,
    `SELECT ${ITEM_COLUMNS} FROM gdap_relationships WHERE ${where}${cursor}
     ORDER BY seq DESC LIMIT @limit`,
  ).all({ ...params, before: page.before, limit: page.limit + 1 }) as ItemRow[];
  const shown = rows.slice(0, page.limit);
  const total = prepared(db, `SELECT count(*) AS n FROM gdap_relationships WHERE ${where}`).get(
    params,
  ) as { n: number };
  return {
    items: shown.map((row) => itemAt(row, now)),
    nextCursor: rows.length > page.limit ? String(shown.at(-1)?.seq) : null,
    total: total.n,
  };
}

/** The partner's relationship `relationshipId` at `now`; another partner's is none of its own. */
export function gdapRelationshipOf(
  db: Database.Database,
  partnerId: string,
  relationshipId: string,
  now: string,
): GdapRelationshipItem | undefined {
  const row = prepared(
    db,
    `SELECT ${ITEM_COLUMNS} FROM gdap_relationships
     WHERE relationship_id = @relationshipId AND partner_id = @partnerId`,
  ).get({ relationshipId, partnerId }) as ItemRow | undefined;
  return row === undefined ? undefined : itemAt(row, now);
}

/** Every relationship of the partner with one customer (the customer detail), newest first. */
export function gdapRelationshipsOfCustomer(
  db: Database.Database,
  partnerId: string,
  customerId: string,
  now: string,
): GdapRelationshipItem[] {
  const rows = prepared(
    db,
    `SELECT ${ITEM_COLUMNS} FROM gdap_relationships
     WHERE partner_id = @partnerId AND customer_id = @customerId ORDER BY seq DESC`,
  ).all({ partnerId, customerId }) as ItemRow[];
  return rows.map((row) => itemAt(row, now));
}

/** An access assignment as the api lists it. */
export interface GdapAccessAssignmentItem {
  readonly id: string;
  readonly securityGroupId: string;
  readonly roles: readonly string[];
  /** `active` while the relationship is; `deleted` once withdrawn or the relationship ended. */
  readonly status: 'active' | 'deleted';
  readonly createdDateTime: string;
}

/** The assignments of a relationship (look the relationship up first: this does not check). */
export function gdapAccessAssignmentsOf(
  db: Database.Database,
  relationship: GdapRelationshipItem,
): GdapAccessAssignmentItem[] {
  const rows = prepared(
    db,
    `SELECT access_assignment_id, security_group_id, roles, created_at, deleted_at
     FROM gdap_access_assignments WHERE relationship_id = ? ORDER BY created_at, access_assignment_id`,
  ).all(relationship.id) as {
    access_assignment_id: string;
    security_group_id: string;
    roles: string;
    created_at: string;
    deleted_at: string | null;
  }[];
  return rows.map((row) => ({
    id: row.access_assignment_id,
    securityGroupId: row.security_group_id,
    roles: JSON.parse(row.roles) as string[],
    status: row.deleted_at === null && relationship.status === 'active' ? 'active' : 'deleted',
    createdDateTime: row.created_at,
  }));
}
