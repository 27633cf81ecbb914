import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const GDAP_REQUEST_ACTIONS = ['lockForApproval', 'terminate'] as const;
export type GdapRequestAction = (typeof GDAP_REQUEST_ACTIONS)[number];

/** `POST /v1/gdap-relationships/{id}/requests` body (Graph's relationship requests). */
export class GdapRequestDto {
  @ApiProperty({ enum: GDAP_REQUEST_ACTIONS, example: 'lockForApproval' })
  @IsIn(GDAP_REQUEST_ACTIONS, {
    message: `action must be one of ${GDAP_REQUEST_ACTIONS.join(', ')}`,
  })
  readonly action!: GdapRequestAction;
}
