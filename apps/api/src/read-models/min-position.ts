import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** The `minPosition` query parameter of every read-model query (read-your-writes). */
export class MinPositionQuery {
  @ApiPropertyOptional({
    description:
      'Wait (bounded) until the read model has applied this global position: the `position` ' +
      'of a command answer. 503 `read-model-behind` when it does not catch up in time.',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a global position (a decimal string)' })
  minPosition?: string;
}

/** The parsed `minPosition`, or undefined. */
export function minPositionOf(query: MinPositionQuery): bigint | undefined {
  return query.minPosition === undefined ? undefined : BigInt(query.minPosition);
}
