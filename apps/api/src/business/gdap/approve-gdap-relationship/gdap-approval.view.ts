import { ApiProperty } from '@nestjs/swagger';

/** What the approving customer is answered (nothing of the partner's settings). */
export class GdapApprovalView {
  @ApiProperty({ example: '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61' }) readonly id!: string;
  @ApiProperty({ enum: ['active'], example: 'active' }) readonly status!: 'active';
  @ApiProperty({ example: '2026-03-10T12:00:00.000Z' }) readonly activatedDateTime!: string;
  @ApiProperty({ example: '2028-03-09T12:00:00.000Z' }) readonly endDateTime!: string;
  @ApiProperty({ example: '42' }) readonly position!: string;
}
