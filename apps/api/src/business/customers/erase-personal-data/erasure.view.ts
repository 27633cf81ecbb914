import { ApiProperty } from '@nestjs/swagger';
import { PERSONAL_FIELDS, type PersonalField } from '@customer-workspace/customers';

/** What an erasure answers: its event's position and the fields it made unreadable. */
export class PersonalDataErasureView {
  @ApiProperty({ description: 'Global position of the erasure event', example: '42' })
  readonly position!: string;
  @ApiProperty({
    enum: PERSONAL_FIELDS,
    isArray: true,
    description: 'The personal fields that held a value in some billing profile of the customer',
    example: ['firstName', 'lastName', 'email', 'defaultAddress.addressLine1'],
  })
  readonly erasedFields!: PersonalField[];
}
