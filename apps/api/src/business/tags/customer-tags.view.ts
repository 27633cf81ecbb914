import { ApiProperty } from '@nestjs/swagger';
import type { ExistingCustomer } from '@customer-workspace/customers';
import { TagView } from './tag.view.js';

/** The caller's tags on one customer after an assign or unassign (other partners' stay hidden). */
export class CustomerTagsView {
  @ApiProperty({ example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14' }) readonly customerId!: string;
  @ApiProperty({ type: [TagView], description: 'In the order they were assigned' })
  readonly tags!: TagView[];
  @ApiProperty({
    description:
      'Global position of the event appended, or of the customer stream’s last event when nothing changed',
    example: '42',
  })
  readonly position!: string;

  static of(customer: ExistingCustomer, partnerId: string): Omit<CustomerTagsView, 'position'> {
    const tags = customer.tags.get(partnerId) ?? new Map<string, string>();
    return {
      customerId: customer.customerId,
      tags: [...tags].map(([id, name]) => ({ id, name })),
    };
  }
}
