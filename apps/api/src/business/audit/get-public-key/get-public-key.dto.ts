import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const PUBLIC_KEY_FORMATS = ['pem', 'note'] as const;
export type PublicKeyFormat = (typeof PUBLIC_KEY_FORMATS)[number];

/** `GET /v1/audit/public-key` query: which writing of the key. */
export class GetPublicKeyDto {
  @ApiPropertyOptional({
    enum: PUBLIC_KEY_FORMATS,
    default: 'pem',
    description:
      '`pem`: the Ed25519 public key as PEM (SPKI), for any crypto library; `note`: the C2SP ' +
      'verifier key `<name>+<hash>+<key>`, for signed-note tools',
  })
  @IsOptional()
  @IsIn(PUBLIC_KEY_FORMATS, { message: 'format must be pem or note' })
  readonly format?: PublicKeyFormat;
}
