import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  LANGUAGES,
  PARTNER_PROGRAMS,
  type Language,
  type PartnerProgram,
} from '@customer-workspace/customers';

export const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** `POST /v1/partners` body. */
export class RegisterPartnerDto {
  @ApiPropertyOptional({
    description: 'Partner (tenant) id; a UUID is generated when absent',
    example: 'contoso-cz',
  })
  @IsOptional()
  @Matches(PARTNER_ID, {
    message: 'id must be 1 to 64 letters, digits or dashes, starting with a letter or digit',
  })
  readonly id?: string;

  @ApiProperty({ example: 'Contoso s.r.o.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  readonly name!: string;

  @ApiProperty({
    enum: PARTNER_PROGRAMS,
    isArray: true,
    example: ['direct-bill', 'indirect-reseller'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(PARTNER_PROGRAMS, { each: true })
  readonly programs!: PartnerProgram[];

  @ApiPropertyOptional({
    description: 'For an indirect reseller: its indirect provider',
    example: 'fabrikam-distribution',
  })
  @IsOptional()
  @Matches(PARTNER_ID, { message: 'indirectProviderId must be a partner id' })
  readonly indirectProviderId?: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    default: 'en',
    description: 'Default language of invitation emails',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  readonly defaultLanguage?: Language;
}
