import { type Type as Constructor } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MinPositionProperty, READ_YOUR_WRITES } from './min-position.dto.js';

/** The page every list query asks for: how many, after which cursor, read from which position. */
export interface PageQuery {
  readonly limit: number;
  readonly cursor?: string;
  readonly minPosition?: string;
}

/** What differs between lists: their page sizes and the shape of their cursors. */
export interface PageQueryOptions {
  readonly maxLimit: number;
  readonly defaultLimit: number;
  /** What a `nextCursor` of this list looks like (checked before the list is read). */
  readonly cursor: RegExp;
  readonly cursorDescription?: string;
  /** What this list does with `minPosition` (default: the read-your-writes wait). */
  readonly minPositionDescription?: string;
}

/**
 * The query-string DTO of a list's page (`limit`, `cursor`, `minPosition`), one for every
 * list: a list's DTO extends it (or composes it with `IntersectionType`) and adds its filters.
 * The same messages everywhere, so every list refuses a bad page alike.
 */
export function PageQueryDto(options: PageQueryOptions): Constructor<PageQuery> {
  const { maxLimit, defaultLimit } = options;
  class PageQueryOfList implements PageQuery {
    @ApiPropertyOptional({ minimum: 1, maximum: maxLimit, default: defaultLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt({ message: 'limit must be an integer' })
    @Min(1, { message: 'limit must be at least 1' })
    @Max(maxLimit, { message: `limit must be at most ${maxLimit}` })
    readonly limit: number = defaultLimit;

    @ApiPropertyOptional({
      description: options.cursorDescription ?? 'The `nextCursor` of the previous page',
    })
    @IsOptional()
    @Matches(options.cursor, { message: 'cursor must be a nextCursor of this list' })
    readonly cursor?: string;

    @MinPositionProperty(options.minPositionDescription ?? READ_YOUR_WRITES)
    readonly minPosition?: string;
  }
  return PageQueryOfList;
}
