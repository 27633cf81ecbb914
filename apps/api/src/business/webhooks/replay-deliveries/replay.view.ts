import { ApiProperty } from '@nestjs/swagger';

/** `POST /v1/webhooks/{id}/replay` answer. */
export class ReplayView {
  @ApiProperty({ example: 3, description: 'How many deliveries will be sent again' })
  readonly deliveries!: number;
}
