import { ApiProperty } from '@nestjs/swagger';
import {
  ENTRA_ROLES,
  type ExistingGdapRelationship,
  GDAP_RELATIONSHIP_STATUSES,
  type GdapRelationshipState,
  GdapRelationshipNotFound,
  type GdapRelationshipStatus,
} from '@customer-workspace/gdap';
import type { GdapRelationshipItem } from '@customer-workspace/read-models';

/** A GDAP relationship as the api shows it (after Graph's `delegatedAdminRelationship`). */
export class GdapRelationshipView {
  @ApiProperty({ example: '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61' }) readonly id!: string;
  @ApiProperty({ example: 'Contoso helpdesk' }) readonly displayName!: string;
  @ApiProperty({ enum: GDAP_RELATIONSHIP_STATUSES, example: 'created' })
  readonly status!: GdapRelationshipStatus;
  @ApiProperty({
    nullable: true,
    description: 'The customer: named at creation, or the approving one',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  readonly customerId!: string | null;
  @ApiProperty({ description: 'ISO 8601, canonical (days, then time)', example: 'P730D' })
  readonly duration!: string;
  @ApiProperty({ enum: ['PT0S', 'P180D'], example: 'PT0S' }) readonly autoExtendDuration!: string;
  @ApiProperty({
    description: 'Entra built-in role template ids',
    example: [[...ENTRA_ROLES.keys()][0]],
  })
  readonly roles!: readonly string[];
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) readonly createdDateTime!: string;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) readonly lastModifiedDateTime!: string;
  @ApiProperty({
    nullable: true,
    description: 'When the approval request expires, while it is pending',
    example: null,
  })
  readonly expiresAt!: string | null;
  @ApiProperty({ nullable: true, example: null }) readonly activatedDateTime!: string | null;
  @ApiProperty({ nullable: true, example: null }) readonly endDateTime!: string | null;
  @ApiProperty({ nullable: true, description: 'When it expired or was terminated', example: null })
  readonly endedDateTime!: string | null;

  /** The item without its partner (the caller's own, never shown). */
  static of(item: GdapRelationshipItem): GdapRelationshipView {
    const { partnerId, ...view } = item;
    void partnerId;
    return view;
  }
}

/** A command's answer: the relationship it left, and the position of its last event. */
export class GdapRelationshipChangedView extends GdapRelationshipView {
  @ApiProperty({ description: 'Global position of the command’s last event', example: '42' })
  readonly position!: string;
}

/**
 * The relationship a command left, as the read model will show it (the same fields, from the
 * stream): a command answers before the read model has caught up.
 */
export function itemOfState(
  state: GdapRelationshipState,
  relationshipId: string,
  lastModifiedDateTime: string,
): GdapRelationshipItem {
  if (state.status === 'none') throw new GdapRelationshipNotFound(relationshipId);
  const existing: ExistingGdapRelationship = state;
  const { relationship } = existing;
  const activation = 'activation' in existing ? existing.activation : undefined;
  return {
    id: relationship.relationshipId,
    partnerId: relationship.partnerId,
    customerId: relationship.customerId ?? null,
    displayName: relationship.displayName,
    status: existing.status,
    duration: relationship.duration,
    autoExtendDuration: relationship.autoExtendDuration,
    roles: relationship.roles,
    createdDateTime: relationship.createdDateTime,
    lastModifiedDateTime,
    expiresAt: existing.status === 'approvalPending' ? existing.approval.expiresAt : null,
    activatedDateTime: activation?.activatedDateTime ?? null,
    endDateTime: activation?.endDateTime ?? null,
    endedDateTime: endedAt(existing),
  };
}

function endedAt(existing: ExistingGdapRelationship): string | null {
  if (existing.status === 'expired') return existing.expiredAt;
  if (existing.status === 'terminated') return existing.terminatedAt;
  return null;
}
