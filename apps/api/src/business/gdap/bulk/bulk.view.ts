import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProblemDetails } from '../../../platform/errors/problem-details.js';
import { GdapRelationshipView } from '../gdap-relationship.view.js';

/** The outcome of one item: the status its own request would have answered. */
export class GdapBulkItemView {
  @ApiProperty({ example: '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61' }) readonly id!: string;
  @ApiProperty({ example: 200, description: '200, or the status of its problem (404, 409, 422…)' })
  readonly status!: number;
  @ApiPropertyOptional({ type: GdapRelationshipView, description: 'On success' })
  readonly relationship?: GdapRelationshipView;
  @ApiPropertyOptional({ example: '42', description: 'On success: its last event’s position' })
  readonly position?: string;
  @ApiPropertyOptional({ description: 'On failure: problem details (RFC 9457)' })
  readonly problem?: ProblemDetails;
}

export class GdapBulkView {
  @ApiProperty({ type: [GdapBulkItemView] }) readonly items!: GdapBulkItemView[];
  @ApiProperty({ example: 1 }) readonly succeeded!: number;
  @ApiProperty({ example: 0 }) readonly failed!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The highest position of the items that succeeded (null when none did)',
    example: '42',
  })
  readonly position!: string | null;
}
