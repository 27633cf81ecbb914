import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, PARTNER_PROGRAMS, type RegisteredPartner } from '@customer-workspace/customers';

/** A partner as the api shows it. */
export class PartnerView {
  @ApiProperty({ example: 'contoso-cz' }) readonly id!: string;
  @ApiProperty({ example: 'Contoso s.r.o.' }) readonly name!: string;
  @ApiProperty({ enum: PARTNER_PROGRAMS, isArray: true, example: ['direct-bill'] })
  readonly programs!: string[];
  @ApiPropertyOptional({ example: 'fabrikam-distribution' }) readonly indirectProviderId?: string;
  @ApiProperty({ enum: LANGUAGES, example: 'cs' }) readonly defaultLanguage!: string;

  static of(partner: RegisteredPartner): PartnerView {
    return {
      id: partner.partnerId,
      name: partner.name,
      programs: [...partner.programs],
      ...(partner.indirectProviderId === undefined
        ? {}
        : { indirectProviderId: partner.indirectProviderId }),
      defaultLanguage: partner.defaultLanguage,
    };
  }
}
