import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WebhookSettingsDto } from '../webhook-settings.dto.js';

/** `PATCH /v1/webhooks/{id}` body: what changes; absent fields stay as they are. */
export class UpdateWebhookDto extends PartialType(WebhookSettingsDto) {
  @ApiPropertyOptional({
    enum: ['enabled', 'disabled'],
    description: 'Disable to stop deliveries; enable a disabled endpoint again',
  })
  @IsOptional()
  @IsIn(['enabled', 'disabled'])
  readonly status?: 'enabled' | 'disabled';
}
