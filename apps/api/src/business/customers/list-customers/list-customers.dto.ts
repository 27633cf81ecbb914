import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { RELATIONSHIPS } from '@customer-workspace/customers';
import { CUSTOMER_LIST_SORTS, type CustomerListSort } from '@customer-workspace/read-models';
import { IsInstant } from '../../../platform/read-models/is-instant.validator.js';
import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/** The customer list's page: its cursors are opaque keys of one sort. */
const CustomerListPageDto = PageQueryDto({
  maxLimit: MAX_LIMIT,
  defaultLimit: DEFAULT_LIMIT,
  cursor: /^[A-Za-z0-9_-]{1,2048}$/,
  cursorDescription: 'The `nextCursor` of the previous page (same sort)',
});

/**
 * `GET /v1/customers` (and, accepted and ignored, `GET /v1/customers/export`): search, filters,
 * sort, time travel and paging.
 */
export class ListCustomersDto extends CustomerListPageDto {
  @ApiPropertyOptional({
    description:
      'Any part of the company name, primary domain or Microsoft ID; case and accents ignored',
    example: 'zlutou',
  })
  @IsOptional()
  @MaxLength(200)
  readonly q?: string;

  @ApiPropertyOptional({ enum: RELATIONSHIPS })
  @IsOptional()
  @IsIn(RELATIONSHIPS, { message: `relationship must be one of ${RELATIONSHIPS.join(', ')}` })
  readonly relationship?: string;

  @ApiPropertyOptional({ description: 'A tag name (case and accents ignored)', example: 'VIP' })
  @IsOptional()
  @MaxLength(200)
  readonly tag?: string;

  @ApiPropertyOptional({
    enum: CUSTOMER_LIST_SORTS,
    default: 'companyName',
    description:
      'Names and domains compare ignoring case and accents (`Ómega` sorts with `Omega`); ' +
      '`createdAt` is when the row (the relationship) entered the list; `-` reverses',
  })
  @IsOptional()
  @IsIn(CUSTOMER_LIST_SORTS, { message: `sort must be one of ${CUSTOMER_LIST_SORTS.join(', ')}` })
  readonly sort: CustomerListSort = 'companyName';

  @ApiPropertyOptional({
    description: 'ISO-8601 date or date-time (UTC when no zone): the list as it was then',
    example: '2026-06-30T23:59:59Z',
  })
  @IsOptional()
  @IsInstant()
  readonly asOf?: string;
}
