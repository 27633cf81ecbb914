import { ApiProperty } from '@nestjs/swagger';

/** An access assignment: a security group granted some of the relationship's roles. */
export class AccessAssignmentView {
  @ApiProperty({ example: '9d1c6a0e-3b2f-4c1d-8e7a-6f5b4c3d2e1f' }) readonly id!: string;
  @ApiProperty({ example: '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b' })
  readonly securityGroupId!: string;
  @ApiProperty({ example: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'] })
  readonly roles!: readonly string[];
  @ApiProperty({
    enum: ['active', 'deleted'],
    description: '`deleted` once withdrawn, or once the relationship ended',
  })
  readonly status!: 'active' | 'deleted';
  @ApiProperty({ example: '2026-03-10T12:00:00.000Z' }) readonly createdDateTime!: string;
}

export class CreatedAccessAssignmentView extends AccessAssignmentView {
  @ApiProperty({ example: '42' }) readonly position!: string;
}

export class AccessAssignmentListView {
  @ApiProperty({ type: [AccessAssignmentView] }) readonly items!: AccessAssignmentView[];
  @ApiProperty({ example: 1 }) readonly total!: number;
}
