import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_LANGUAGES, type ExportLanguage } from '@customer-workspace/read-models';
import { ListCustomersDto } from '../list-customers/list-customers.dto.js';

/**
 * `GET /v1/customers/export`: `lang`, plus the list's parameters, accepted (so a client can
 * reuse the list's URL) and ignored: the export is always the full list (docs/product.md rule 2).
 */
export class ExportCustomersDto extends ListCustomersDto {
  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    description: 'Header and relationship labels; else `Accept-Language`; else English',
  })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, { message: `lang must be one of ${EXPORT_LANGUAGES.join(', ')}` })
  readonly lang?: ExportLanguage;
}
