import { ApiProperty } from '@nestjs/swagger';

/** Every command answers with the global position of its last event (a decimal string). */
export class CommandPosition {
  @ApiProperty({
    description: 'Global position of the last event the command appended',
    example: '42',
  })
  readonly position!: string;
}
