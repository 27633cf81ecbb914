import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeliveryState, OutboxAttempt, OutboxDelivery } from '@customer-workspace/webhooks';

/** One attempt of a delivery. */
export class DeliveryAttemptView {
  @ApiProperty({ example: '2026-12-02T10:00:05.120Z' }) readonly at!: string;
  @ApiPropertyOptional({ example: 503, description: 'The status answered; none without an answer' })
  readonly status?: number;
  @ApiProperty({ example: 87 }) readonly durationMs!: number;
  @ApiPropertyOptional({
    example: 'timeout after 15000 ms',
    description: 'Why no answer came, or why the attempt was not made (an unsafe target)',
  })
  readonly error?: string;
  @ApiPropertyOptional({
    example: 'Service Unavailable',
    description: 'The start of the answer’s body (512 bytes at most)',
  })
  readonly responseBody?: string;
}

/** The delivery of one event to one endpoint, with every attempt. */
export class DeliveryView {
  @ApiProperty({
    example: 'msg_2b7f0c4d9e8a1b3c5d6e7f8091a2b3c4',
    description: 'The `webhook-id` header: the same for every attempt and replay',
  })
  readonly id!: string;
  @ApiProperty({ example: 'customer-created' }) readonly eventName!: string;
  @ApiProperty({ example: '42', description: 'Global position of the event' })
  readonly position!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) readonly state!: DeliveryState;
  @ApiProperty({ type: [DeliveryAttemptView] }) readonly attempts!: DeliveryAttemptView[];
  @ApiPropertyOptional({ example: '2026-12-02T10:05:05.000Z', description: 'While pending' })
  readonly nextAttemptAt?: string;

  static of(delivery: OutboxDelivery & { readonly attempts: readonly OutboxAttempt[] }) {
    const view: DeliveryView = {
      id: delivery.id,
      eventName: delivery.eventName,
      position: delivery.position.toString(),
      state: delivery.state,
      attempts: delivery.attempts.map(({ response, ...attempt }) => ({
        ...attempt,
        ...(response !== undefined && { responseBody: response }),
      })),
      ...(delivery.state === 'pending' &&
        delivery.nextAttemptAt !== undefined && {
          nextAttemptAt: new Date(delivery.nextAttemptAt).toISOString(),
        }),
    };
    return view;
  }
}

/** A page of an endpoint's delivery log. */
export class DeliveryPageView {
  @ApiProperty({ type: [DeliveryView] }) readonly items!: DeliveryView[];
  @ApiProperty({ nullable: true, type: String, example: '41' }) readonly nextCursor!: string | null;
  @ApiProperty({ example: 1 }) readonly total!: number;
}
