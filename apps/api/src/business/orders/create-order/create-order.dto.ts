import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CATALOGS,
  MAX_LINE_ITEM_QUANTITY,
  RELATIONSHIPS,
  TERM_DURATIONS,
  type Catalog,
  type Relationship,
  type TermDuration,
} from '@customer-workspace/customers';
import { PARTNER_ID } from '../../partners/register-partner/register-partner.dto.js';

/** Most line items in one order. */
export const MAX_LINE_ITEMS = 100;

/** One requested line of an order; it becomes one subscription. */
export class OrderLineItemDto {
  @ApiProperty({ example: 'CFQ7TTC0LH18:0001', description: 'Catalog offer id' })
  @Matches(/^[\x21-\x7e]{1,100}$/, {
    message: 'offerId must be 1 to 100 visible ASCII characters (no spaces)',
  })
  readonly offerId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_ITEM_QUANTITY, example: 25 })
  @IsInt({ message: 'quantity must be an integer' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(MAX_LINE_ITEM_QUANTITY, { message: `quantity must be at most ${MAX_LINE_ITEM_QUANTITY}` })
  readonly quantity!: number;

  @ApiPropertyOptional({ enum: TERM_DURATIONS, example: 'P1Y' })
  @IsOptional()
  @IsIn(TERM_DURATIONS, { message: `termDuration must be one of ${TERM_DURATIONS.join(', ')}` })
  readonly termDuration?: TermDuration;

  @ApiPropertyOptional({ example: 'Microsoft 365 E3 – Praha' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly friendlyName?: string;

  @ApiPropertyOptional({
    description: 'The indirect reseller on record: required when ordering as indirect provider',
    example: 'wingtip',
  })
  @IsOptional()
  @Matches(PARTNER_ID, { message: 'partnerIdOnRecord must be a partner id' })
  readonly partnerIdOnRecord?: string;
}

/** `POST /v1/customers/{id}/orders` body. */
export class CreateOrderDto {
  @ApiProperty({ enum: CATALOGS, example: 'online-services' })
  @IsIn(CATALOGS, { message: `catalog must be one of ${CATALOGS.join(', ')}` })
  readonly catalog!: Catalog;

  @ApiPropertyOptional({
    enum: RELATIONSHIPS,
    description: 'The relationship to order under; needed only when the caller holds several',
  })
  @IsOptional()
  @IsIn(RELATIONSHIPS, { message: `relationship must be one of ${RELATIONSHIPS.join(', ')}` })
  readonly relationship?: Relationship;

  @ApiProperty({ type: [OrderLineItemDto], minItems: 1, maxItems: MAX_LINE_ITEMS })
  @IsArray()
  @ArrayMinSize(1, { message: 'lineItems must hold at least one line item' })
  @ArrayMaxSize(MAX_LINE_ITEMS, { message: `lineItems must hold at most ${MAX_LINE_ITEMS} items` })
  @ValidateNested({ each: true })
  @Type(() => OrderLineItemDto)
  readonly lineItems!: OrderLineItemDto[];
}
