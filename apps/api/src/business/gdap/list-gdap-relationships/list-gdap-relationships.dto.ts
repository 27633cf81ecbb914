import { IntersectionType } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import {
  GDAP_RELATIONSHIP_STATUSES,
  type GdapRelationshipStatus,
  parseIsoDuration,
} from '@customer-workspace/gdap';
import { DEFAULT_GDAP_PAGE, MAX_GDAP_PAGE } from '@customer-workspace/read-models';
import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';
import { IsCustomerId } from '../../relationships/customer-id.decorator.js';

/** The longest `expiringWithin` (ten years: no relationship lasts longer than two). */
const MAX_EXPIRING_WITHIN_S = 3650 * 86_400;

/** `expiringWithin`: an ISO 8601 duration (`P30D`), more than nothing, at most ten years. */
export const isExpiringWithin = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const duration = parseIsoDuration(value);
  return (
    duration !== undefined && duration.seconds > 0 && duration.seconds <= MAX_EXPIRING_WITHIN_S
  );
};

class GdapRelationshipFiltersDto {
  @ApiPropertyOptional({
    enum: GDAP_RELATIONSHIP_STATUSES,
    description: 'Status at the query’s instant',
  })
  @IsOptional()
  @IsIn(GDAP_RELATIONSHIP_STATUSES, {
    message: `status must be one of ${GDAP_RELATIONSHIP_STATUSES.join(', ')}`,
  })
  readonly status?: GdapRelationshipStatus;

  @ApiPropertyOptional({ example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14' })
  @IsOptional()
  @IsCustomerId('customerId')
  readonly customerId?: string;

  @ApiPropertyOptional({
    description:
      'ISO 8601 duration (`P30D`): relationships that will end within it and have not yet — ' +
      'active ones that do not auto-extend (by endDateTime) and pending approval requests ' +
      '(by expiresAt)',
    example: 'P30D',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isExpiringWithin',
    validator: {
      validate: isExpiringWithin,
      defaultMessage: () =>
        'expiringWithin must be an ISO 8601 duration such as P30D (more than zero, at most P3650D)',
    },
  })
  readonly expiringWithin?: string;
}

const GdapRelationshipPageDto = PageQueryDto({
  maxLimit: MAX_GDAP_PAGE,
  defaultLimit: DEFAULT_GDAP_PAGE,
  cursor: /^\d{1,15}$/,
});

/** `GET /v1/gdap-relationships` query: the filters and a page. */
export class ListGdapRelationshipsDto extends IntersectionType(
  GdapRelationshipFiltersDto,
  GdapRelationshipPageDto,
) {}
