import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { BillingProfileDto, CompanyProfileDto } from '../customer-profile.dto.js';

/** `POST /v1/customers` body. */
export class AddCustomerDto {
  @ApiProperty({ type: CompanyProfileDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyProfileDto)
  readonly companyProfile!: CompanyProfileDto;
  @ApiProperty({ type: BillingProfileDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BillingProfileDto)
  readonly billingProfile!: BillingProfileDto;
}
