import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCustomerId } from '../../relationships/customer-id.decorator.js';

/** `POST /v1/gdap-relationships/{id}/approval` body. */
export class ApproveGdapRelationshipDto {
  @ApiProperty({
    description: 'The `token` query parameter of the approval URL',
    example: 'q3Jx0Zl8m1c0a3k5XbV9s2N7eP4wT6yU1iO8rA0dF5g',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  readonly token!: string;

  @ApiPropertyOptional({
    description:
      'The approving customer (tenant GUID): required when the relationship names none, and ' +
      'then it becomes its customer; otherwise it must be the one named',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  @IsOptional()
  @IsCustomerId('customerId')
  readonly customerId?: string;
}
