import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ERASED = 'null once the customer’s personal data is erased';

export class AddressView {
  @ApiProperty({ example: 'Vinohradská 12', nullable: true, description: ERASED })
  readonly addressLine1!: string | null;
  @ApiPropertyOptional({ example: '3. patro', nullable: true, description: ERASED })
  readonly addressLine2?: string | null;
  @ApiProperty({ example: 'Praha', nullable: true, description: ERASED })
  readonly city!: string | null;
  @ApiPropertyOptional({ example: 'Praha' }) readonly state?: string;
  @ApiProperty({ example: '120 00', nullable: true, description: ERASED })
  readonly postalCode!: string | null;
  @ApiProperty({ example: 'CZ', description: 'ISO-3166 alpha-2' }) readonly country!: string;
}

/**
 * A billing profile as the api answers it: as it was set, or erased (its personal fields
 * `null`, `personalDataErased: true`; docs/product.md rule 8).
 */
export class BillingProfileView {
  @ApiProperty({ example: 'Contoso a.s.' }) readonly companyName!: string;
  @ApiProperty({ example: 'jana.novakova@contoso.cz', nullable: true, description: ERASED })
  readonly email!: string | null;
  @ApiPropertyOptional({ example: 'cs-CZ' }) readonly culture?: string;
  @ApiPropertyOptional({ example: 'cs' }) readonly language?: string;
  @ApiPropertyOptional({ example: 'Jana', nullable: true, description: ERASED })
  readonly firstName?: string | null;
  @ApiPropertyOptional({ example: 'Nováková', nullable: true, description: ERASED })
  readonly lastName?: string | null;
  @ApiPropertyOptional({ example: '+420 601 123 456', nullable: true, description: ERASED })
  readonly phoneNumber?: string | null;
  @ApiProperty({ type: AddressView }) readonly defaultAddress!: AddressView;
  @ApiPropertyOptional({
    example: true,
    description: 'Present (true) when the personal fields of this profile were erased',
  })
  readonly personalDataErased?: true;
}
