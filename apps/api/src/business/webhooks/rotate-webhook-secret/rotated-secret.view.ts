import { ApiProperty } from '@nestjs/swagger';

/** `POST /v1/webhooks/{id}/secret-rotation` answer: the new secret, shown this once. */
export class RotatedSecretView {
  @ApiProperty({
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    description: 'The new signing secret: shown in this answer only, never again',
  })
  readonly secret!: string;
  @ApiProperty({
    example: '2026-12-02T10:00:00.000Z',
    description: 'Until then deliveries carry a signature with the previous secret too',
  })
  readonly previousSecretValidUntil!: string;
  @ApiProperty({ description: 'Global position of the WebhookSecretRotated event', example: '42' })
  readonly position!: string;
}
