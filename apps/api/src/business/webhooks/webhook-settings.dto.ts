import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { WEBHOOK_EVENT_NAMES, type WebhookEventName } from '@customer-workspace/webhooks';

export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;
/** Repeats are allowed (the endpoint keeps each name once), but not without end. */
const MAX_EVENT_NAMES = 100;

const URL_DESCRIPTION =
  'An https URL (http only where the operator allows it), without credentials. Its host must ' +
  'resolve to public addresses only: link-local and cloud-metadata addresses are never ' +
  'accepted, loopback and private ones only for hosts the operator allows.';

/** The fields of `POST /v1/webhooks`; `PATCH` takes each of them optionally. */
export class WebhookSettingsDto {
  @ApiProperty({
    example: 'https://hooks.partner.example/workspace',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
    description: URL_DESCRIPTION,
  })
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  readonly url!: string;

  @ApiProperty({
    enum: WEBHOOK_EVENT_NAMES,
    isArray: true,
    example: ['customer-created', 'order-created'],
    description: 'At least one name of `GET /v1/webhooks/events`; each is kept once',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_EVENT_NAMES)
  @IsIn(WEBHOOK_EVENT_NAMES, {
    each: true,
    message: 'each value in events must be a name of GET /v1/webhooks/events',
  })
  readonly events!: WebhookEventName[];

  @ApiPropertyOptional({ example: 'CRM sync', maxLength: MAX_WEBHOOK_DESCRIPTION_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_WEBHOOK_DESCRIPTION_LENGTH)
  readonly description?: string;
}
