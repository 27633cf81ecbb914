import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Largest page of `GET /v1/customers/{id}/orders` (API.md's list convention). */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/** `GET /v1/customers/{id}/orders` query. */
export class ListOrdersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_LIMIT, { message: `limit must be at most ${MAX_LIMIT}` })
  readonly limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'cursor must be a nextCursor of this list' })
  readonly cursor?: string;

  @ApiPropertyOptional({
    description:
      'Read-your-writes: orders are read from the customer’s own stream, which is always ' +
      'current, so any position is already reached',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a global position (decimal digits)' })
  readonly minPosition?: string;
}
