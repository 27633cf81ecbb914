import { ApiProperty } from '@nestjs/swagger';
import { RELATIONSHIPS } from '@customer-workspace/customers';
import { SEARCH_TOTAL_CAP } from '@customer-workspace/read-models';

/** One row of the customer list: one relationship of the caller with a customer. */
export class CustomerListItemView {
  @ApiProperty({ description: 'The Microsoft ID (tenant GUID)' }) readonly id!: string;
  @ApiProperty({ example: 'Žluťoučký kůň s.r.o.' }) readonly companyName!: string;
  @ApiProperty({ example: 'zlutoucky.onmicrosoft.com' }) readonly domain!: string;
  @ApiProperty({ enum: RELATIONSHIPS }) readonly relationship!: string;
  @ApiProperty({ type: [String], example: ['VIP'] }) readonly tags!: string[];
  @ApiProperty({ description: 'When this relationship entered the list (ISO-8601)' })
  readonly createdAt!: string;
}

/** A page of the caller's customer list. */
export class CustomerListView {
  @ApiProperty({ type: [CustomerListItemView] }) readonly items!: CustomerListItemView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Pass as `?cursor=` (with the same sort) for the next page; null on the last',
  })
  readonly nextCursor!: string | null;
  @ApiProperty({
    description:
      'Rows matching the search and filters. Exact without `q` and `asOf` (and with `tag`); ' +
      `with \`q\` or \`asOf\`, rows are counted up to ${SEARCH_TOTAL_CAP}: when more match, ` +
      `\`total\` is ${SEARCH_TOTAL_CAP} and \`totalExact\` is false`,
    example: 1,
  })
  readonly total!: number;
  @ApiProperty({
    description: `False when more rows match than \`total\` (then the count cap, ${SEARCH_TOTAL_CAP})`,
    example: true,
  })
  readonly totalExact!: boolean;
}
