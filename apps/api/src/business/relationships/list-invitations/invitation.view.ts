import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, RELATIONSHIPS } from '@customer-workspace/customers';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** One of the caller's invitations and its state (never its token nor the token's hash). */
export class InvitationView {
  @ApiProperty({ example: '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61' }) readonly id!: string;
  @ApiPropertyOptional({
    description: 'The targeted customer, or the customer that accepted a New relationship one',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  readonly customerId?: string;
  @ApiPropertyOptional({ example: 'fabrikam-distribution' }) readonly indirectProviderId?: string;
  @ApiProperty({ enum: RELATIONSHIPS, description: 'What the caller gets on acceptance' })
  readonly relationship!: string;
  @ApiProperty({ example: false }) readonly includeDelegatedAdmin!: boolean;
  @ApiProperty({ enum: LANGUAGES, example: 'cs' }) readonly language!: string;
  @ApiProperty({ enum: INVITATION_STATUSES, example: 'pending' }) readonly status!: string;
  @ApiProperty({ example: '2026-11-21T10:00:00.000Z' }) readonly requestedAt!: string;
  @ApiProperty({ example: '2026-12-21T10:00:00.000Z' }) readonly expiresAt!: string;
}

/** A page of the caller's invitations, newest first. */
export class InvitationListView {
  @ApiProperty({ type: [InvitationView] }) readonly items!: InvitationView[];
  @ApiProperty({ type: String, nullable: true, example: null }) readonly nextCursor!: string | null;
  @ApiProperty({ description: 'All the caller’s invitations', example: 1 }) readonly total!: number;
}
