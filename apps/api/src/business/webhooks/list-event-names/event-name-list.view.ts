import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_NAMES, type WebhookEventName } from '@customer-workspace/webhooks';

/** `GET /v1/webhooks/events` answer. */
export class EventNameListView {
  @ApiProperty({ enum: WEBHOOK_EVENT_NAMES, isArray: true, example: ['customer-created'] })
  readonly items!: WebhookEventName[];
}
