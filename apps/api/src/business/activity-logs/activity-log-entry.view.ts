import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_LOG_ACTION_NAMES,
  ACTIVITY_RESOURCE_TYPES,
} from '@customer-workspace/read-models';

/** Who performed an action: the claims of the caller's token (a customer accepting: `customer`). */
export class PerformedByView {
  @ApiProperty({ example: 'b7d3c1e2-0a4f-4c1b-9e7d-5f2a8c6b1d30' }) readonly userId!: string;
  @ApiProperty({ example: 'jana.novakova@contoso.example' }) readonly upn!: string;
  @ApiProperty({ example: 'admin-agent' }) readonly role!: string;
}

/** One entry of the caller's activity log (docs/product.md rule 4). */
export class ActivityLogEntryView {
  @ApiProperty({ description: 'Global position of the event (a decimal string)', example: '42' })
  readonly position!: string;
  @ApiProperty({ example: '2026-11-21T10:00:00.000Z' }) readonly occurredAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The affected customer; null for partner-wide actions (tags, exports)',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  readonly customerId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Contoso a.s.' })
  readonly customerName!: string | null;
  @ApiProperty({ enum: ACTIVITY_LOG_ACTION_NAMES, example: 'update_customer_billing_profile' })
  readonly action!: string;
  @ApiProperty({ enum: ACTIVITY_RESOURCE_TYPES, example: 'billing-profile' })
  readonly resourceType!: string;
  @ApiProperty({ type: PerformedByView }) readonly performedBy!: PerformedByView;
  @ApiPropertyOptional({
    description: 'What changed, before (absent when the action creates something; null: none)',
    example: { status: 'active' },
  })
  readonly oldValue?: unknown;
  @ApiPropertyOptional({
    description: 'What changed, after (absent when the action has no new value; null: removed)',
    example: { status: 'suspended' },
  })
  readonly newValue?: unknown;
  @ApiProperty({ example: '9c4b2f1e-3d5a-4e6b-8c7d-1a2b3c4d5e6f' }) readonly correlationId!: string;
  @ApiProperty({ description: 'What caused it: the request, or the event it follows from' })
  readonly causationId!: string;
  @ApiProperty({ description: 'The id of the event this entry records' }) readonly eventId!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The index of the event’s leaf in the audit tree (`GET /v1/audit/proofs/inclusion`); ' +
      'null while the tree has not covered it yet (normally milliseconds; `minPosition` waits ' +
      'for the tree too) and on an instance without the tree (`AUDIT_TREE=off`)',
    example: 41,
  })
  readonly leafIndex!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The leaf hash, base64: SHA-256 of `0x00` and the RFC 8785 bytes of the stored event; ' +
      'null like `leafIndex`',
    example: 'UNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw=',
  })
  readonly leafHash!: string | null;
}

/** A page of the caller's activity log, newest first. */
export class ActivityLogPageView {
  @ApiProperty({ type: [ActivityLogEntryView] }) readonly items!: ActivityLogEntryView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Pass as `?cursor=` for the next (older) page; null on the last page',
  })
  readonly nextCursor!: string | null;
  @ApiProperty({ description: 'How many entries match the filters', example: 120 })
  readonly total!: number;
}
