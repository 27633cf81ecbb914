import { ApiProperty } from '@nestjs/swagger';

/** `POST /v1/webhooks/{id}/test` answer: the delivery that will be made. */
export class TestDeliveryView {
  @ApiProperty({
    example: 'msg_2f1d6b0a9c8e7d6f5a4b3c2d1e0f9a8b',
    description: 'The `webhook-id` header the test delivery will carry',
  })
  readonly deliveryId!: string;
  @ApiProperty({ description: 'Global position of the WebhookTestRequested event', example: '42' })
  readonly position!: string;
}
