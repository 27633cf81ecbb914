import type Database from 'better-sqlite3';
import type { CustomerListRequest } from './customer-list.query.js';
import { cached } from './customer-list.statements.js';
import { foldForComparison } from './search-key.js';

/**
 * The conditions on a list row `r` of a request: `base` (partner, alive now or at `asOf`,
 * relationship) and `tag` (an assignment, alive too, of one of the tags named so). `noRows`
 * when the tag names no tag alive then: nothing can match.
 */
export interface RowFilter {
  readonly base: string;
  readonly tag: string;
  readonly params: Record<string, unknown>;
  readonly noRows: boolean;
  /** The tag ids named by the request's tag (alive now or at `asOf`), else undefined. */
  readonly tagIds: string[] | undefined;
}

export function rowFilter(db: Database.Database, request: CustomerListRequest): RowFilter {
  const params: Record<string, unknown> = { partnerId: request.partnerId };
  const base = ['r.partner_id = @partnerId'];
  if (request.asOf === undefined) base.push('r.removed_position IS NULL');
  else {
    params.asOf = request.asOf;
    base.push('r.established_at <= @asOf AND (r.removed_at IS NULL OR r.removed_at > @asOf)');
  }
  if (request.relationship !== undefined) {
    params.relationship = request.relationship;
    base.push('r.relationship = @relationship');
  }
  const tagIds = request.tag === undefined ? undefined : tagIdsOf(db, request, request.tag);
  if (tagIds !== undefined) params.tagIds = JSON.stringify(tagIds);
  return {
    base: base.join(' AND '),
    tag:
      tagIds === undefined
        ? ''
        : `AND EXISTS (SELECT 1 FROM tag_assignments a
            WHERE a.partner_id = r.partner_id AND a.customer_id = r.customer_id
              AND a.tag_id IN (SELECT value FROM json_each(@tagIds))
              AND ${assignmentAlive(request.asOf)})`,
    params,
    noRows: tagIds?.length === 0,
    tagIds,
  };
}

/** The partner's tags of that name (ignoring case and accents), alive now or at `asOf`. */
function tagIdsOf(db: Database.Database, request: CustomerListRequest, tag: string): string[] {
  return cached(
    db,
    `SELECT t.tag_id FROM tags t WHERE t.partner_id = @partnerId AND t.name_key = @tagKey
       AND ${tagAlive(request.asOf)}`,
  )
    .pluck()
    .all({
      partnerId: request.partnerId,
      tagKey: foldForComparison(tag),
      ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    }) as string[];
}

/** Tag `t` alive: now, or at `asOf`. */
export function tagAlive(asOf: string | undefined): string {
  return asOf === undefined
    ? 't.deleted_at IS NULL'
    : 't.created_at <= @asOf AND (t.deleted_at IS NULL OR t.deleted_at > @asOf)';
}

/** Assignment `a` alive: now, or at `asOf`. */
export function assignmentAlive(asOf: string | undefined): string {
  return asOf === undefined
    ? 'a.unassigned_at IS NULL'
    : 'a.assigned_at <= @asOf AND (a.unassigned_at IS NULL OR a.unassigned_at > @asOf)';
}

/** The customers holding one of the filter's tags (alive): the rows a tag filter starts from. */
export function taggedCustomers(asOf: string | undefined): string {
  return `(SELECT DISTINCT a.customer_id FROM tag_assignments a INDEXED BY tag_assignments_by_tag
    WHERE a.partner_id = @partnerId AND a.tag_id IN (SELECT value FROM json_each(@tagIds))
      AND ${assignmentAlive(asOf)})`;
}
