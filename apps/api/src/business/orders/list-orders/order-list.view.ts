import { ApiProperty } from '@nestjs/swagger';
import { OrderView } from '../order.view.js';

/** A page of the caller's orders for one customer (oldest first). */
export class OrderListView {
  @ApiProperty({ type: [OrderView] }) readonly items!: OrderView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Pass as `?cursor=` for the next page; null on the last page',
  })
  readonly nextCursor!: string | null;
  @ApiProperty({ description: 'How many orders the caller placed for the customer', example: 3 })
  readonly total!: number;
}
