import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
} from 'class-validator';

export const GDAP_BULK_ACTIONS = ['terminate', 'extend'] as const;
export type GdapBulkAction = (typeof GDAP_BULK_ACTIONS)[number];

/** The most relationships one bulk request names (Partner Center's portal changes 25). */
export const MAX_GDAP_BULK_ITEMS = 100;

/** `POST /v1/gdap-relationships/bulk` body. */
export class GdapBulkDto {
  @ApiProperty({
    enum: GDAP_BULK_ACTIONS,
    description:
      '`terminate`: end each relationship; `extend`: turn auto-extension on (autoExtendDuration ' +
      'P180D) for each created or active one',
  })
  @IsIn(GDAP_BULK_ACTIONS, { message: `action must be one of ${GDAP_BULK_ACTIONS.join(', ')}` })
  readonly action!: GdapBulkAction;

  @ApiProperty({
    description: `1 to ${MAX_GDAP_BULK_ITEMS} relationship ids, each once`,
    example: ['5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61'],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'relationshipIds must name at least one relationship' })
  @ArrayMaxSize(MAX_GDAP_BULK_ITEMS, {
    message: `relationshipIds must name at most ${MAX_GDAP_BULK_ITEMS} relationships`,
  })
  @ArrayUnique({ message: 'relationshipIds must name each relationship once' })
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  readonly relationshipIds!: string[];
}
