import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const POSITION = /^\d{1,20}$/;

/** `GET /v1/relationship-requests` query. */
export class ListInvitationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  readonly limit: number = 50;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @Matches(POSITION, { message: 'cursor must be a nextCursor this list returned' })
  readonly cursor?: string;

  @ApiPropertyOptional({
    description: 'Accepted for read-your-writes; this list reads the event log, always current',
    example: '42',
  })
  @IsOptional()
  @Matches(POSITION, { message: 'minPosition must be a position (a decimal string)' })
  readonly minPosition?: string;
}
