import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GdapRelationshipChangedView } from '../gdap-relationship.view.js';
import { GDAP_REQUEST_ACTIONS, type GdapRequestAction } from './gdap-request.dto.js';

/** A relationship request's answer: the relationship it left, and for a lock its approval URL. */
export class GdapRequestView extends GdapRelationshipChangedView {
  @ApiProperty({ enum: GDAP_REQUEST_ACTIONS }) readonly action!: GdapRequestAction;
  @ApiPropertyOptional({
    description:
      'lockForApproval: the URL to send the customer’s admin; its `token` (single-use, valid ' +
      '90 days) is shown in this answer only, the api keeps just its SHA-256',
    example:
      'https://workspace.example.com/gdap-relationships/5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61/approval?token=q3Jx…',
  })
  readonly approvalUrl?: string;
}

/** The answers that carry a secret, never kept with an `Idempotency-Key`. */
export const holdsApprovalUrl = (body: unknown): boolean =>
  typeof (body as { approvalUrl?: unknown } | null)?.approvalUrl === 'string';
