import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsFQDN,
  IsObject,
  IsISO31661Alpha2,
  IsOptional,
  IsPhoneNumber,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Company names: at least two characters, at least one letter or digit (not only symbols). */
const COMPANY_NAME = /[\p{L}\p{N}]/u;
const companyName = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  MinLength(2, { message: `${String(key)} must be at least 2 characters` })(target, key);
  MaxLength(200)(target, key);
  Matches(COMPANY_NAME, {
    message: `${String(key)} must contain a letter or a digit, not only special characters`,
  })(target, key);
};

export class AddressDto {
  @ApiProperty({ example: 'Vinohradská 12' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly addressLine1!: string;
  @ApiPropertyOptional({ example: '3. patro' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly addressLine2?: string;
  @ApiProperty({ example: 'Praha' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  readonly city!: string;
  @ApiPropertyOptional({ example: 'Praha' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly state?: string;
  @ApiProperty({ example: '120 00' })
  @IsString()
  @Matches(/^[\p{L}\p{N} -]{2,12}$/u, {
    message: 'postalCode must be 2 to 12 letters, digits, spaces or dashes',
  })
  readonly postalCode!: string;
  @ApiProperty({ example: 'CZ', description: 'ISO-3166 alpha-2' })
  @IsISO31661Alpha2({ message: 'country must be an ISO-3166 alpha-2 code such as CZ' })
  readonly country!: string;
}

export class BillingProfileDto {
  @ApiProperty({ example: 'Contoso a.s.' }) @companyName() readonly companyName!: string;
  @ApiProperty({ example: 'jana.novakova@contoso.cz' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  readonly email!: string;
  @ApiPropertyOptional({ example: 'cs-CZ' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}-[A-Z]{2}$/, { message: 'culture must look like cs-CZ' })
  readonly culture?: string;
  @ApiPropertyOptional({ example: 'cs' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO-639 code such as cs' })
  readonly language?: string;
  @ApiPropertyOptional({ example: 'Jana' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly firstName?: string;
  @ApiPropertyOptional({ example: 'Nováková' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly lastName?: string;
  @ApiPropertyOptional({ example: '+420 601 123 456' })
  @IsOptional()
  @IsPhoneNumber(undefined, {
    message: 'phoneNumber must be a phone number in international form, e.g. +420 601 123 456',
  })
  readonly phoneNumber?: string;
  @ApiProperty({ type: AddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  readonly defaultAddress!: AddressDto;
}

export class CompanyProfileDto {
  @ApiProperty({ example: 'Contoso a.s.' }) @companyName() readonly companyName!: string;
  @ApiProperty({ example: 'contoso.onmicrosoft.com' })
  @IsFQDN({}, { message: 'domain must be a domain name such as contoso.onmicrosoft.com' })
  @MaxLength(253)
  readonly domain!: string;
}
