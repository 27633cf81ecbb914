import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { BillingProfileDto, CompanyProfileDto } from '../customer-profile.dto.js';

/** `POST /v1/customers` body. */
export class AddCustomerDto {
  @ApiProperty({ type: CompanyProfileDto })
  @ValidateNested()
  @Type(() => CompanyProfileDto)
  readonly companyProfile!: CompanyProfileDto;
  @ApiProperty({ type: BillingProfileDto })
  @ValidateNested()
  @Type(() => BillingProfileDto)
  readonly billingProfile!: BillingProfileDto;
}
