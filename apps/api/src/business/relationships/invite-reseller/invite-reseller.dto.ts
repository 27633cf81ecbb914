import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { LANGUAGES, type Language } from '@customer-workspace/customers';
import { PARTNER_ID } from '../../partners/register-partner/register-partner.dto.js';
import { IsCustomerId } from '../customer-id.decorator.js';

/** `POST /v1/relationship-requests` body. */
export class InviteResellerDto {
  @ApiPropertyOptional({
    description: 'Target an existing customer of the caller’s; absent for a *New relationship*',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  @IsOptional()
  @IsCustomerId('customerId')
  readonly customerId?: string;

  @ApiPropertyOptional({
    description:
      'An indirect reseller invites together with its own indirect provider, which gets an ' +
      '`indirect-provider` relationship',
    example: 'fabrikam-distribution',
  })
  @IsOptional()
  @Matches(PARTNER_ID, { message: 'indirectProviderId must be a partner id' })
  readonly indirectProviderId?: string;

  @ApiProperty({ description: 'Ask for delegated admin privileges (DAP)', example: false })
  @IsBoolean()
  readonly includeDelegatedAdmin!: boolean;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Language of the email draft; the partner’s default language when absent',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  readonly language?: Language;
}
