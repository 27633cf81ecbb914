import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { RolesProperty } from '../gdap-settings.dto.js';

/** `POST /v1/gdap-relationships/{id}/access-assignments` body. */
export class CreateAccessAssignmentDto {
  @ApiProperty({
    description: 'A security group of the partner’s tenant (Entra object id, a GUID)',
    example: '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b',
  })
  @IsString()
  @MaxLength(64)
  readonly securityGroupId!: string;

  @RolesProperty() readonly roles!: string[];
}
