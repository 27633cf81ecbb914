import { ApiProperty } from '@nestjs/swagger';

export class EmailDraftView {
  @ApiProperty({ example: 'Contoso s.r.o. invites you to a reseller relationship' })
  readonly subject!: string;
  @ApiProperty({
    description: 'Plain text; the partner may edit it but must keep the URL, on its own line',
    example: 'Hello,\n\nContoso s.r.o. would like to become your Microsoft cloud reseller…',
  })
  readonly body!: string;
}

/** A requested invitation: the only response that ever carries its secret (in `url`). */
export class InvitationDraftView {
  @ApiProperty({ example: '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61' }) readonly id!: string;
  @ApiProperty({
    description: 'Personalised, single-use acceptance URL; its `token` is shown only here',
    example:
      'https://workspace.example.com/invitations/5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61/accept?token=q3Jx…',
  })
  readonly url!: string;
  @ApiProperty({ type: EmailDraftView }) readonly email!: EmailDraftView;
  @ApiProperty({ example: '2026-12-21T10:00:00.000Z' }) readonly expiresAt!: string;
  @ApiProperty({ description: 'Global position of the invitation event', example: '42' })
  readonly position!: string;
}
