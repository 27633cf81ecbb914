import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CompanyProfileDto } from '../../customers/customer-profile.dto.js';
import { IsCustomerId } from '../customer-id.decorator.js';

/** The accepting customer: its tenant and company profile. */
export class AcceptingCustomerDto extends CompanyProfileDto {
  @ApiPropertyOptional({
    description:
      'Microsoft ID (tenant GUID); required for a targeted invitation, generated when absent',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  @IsOptional()
  @IsCustomerId('customer.id')
  readonly id?: string;
}

/** `POST /v1/relationship-requests/{id}/acceptance` body. */
export class AcceptInvitationDto {
  @ApiProperty({
    description: 'The `token` query parameter of the invitation URL',
    example: 'q3Jx0Zl8m1c0a3k5XbV9s2N7eP4wT6yU1iO8rA0dF5g',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  readonly token!: string;

  @ApiProperty({ type: AcceptingCustomerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AcceptingCustomerDto)
  readonly customer!: AcceptingCustomerDto;
}
