import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { AttestationDto } from '../../relationships/remove-relationship/remove-relationship.dto.js';

/** `POST /v1/customers/{id}/personal-data/erasure` body: the attestation of a removal's shape. */
export class ErasePersonalDataDto {
  @ApiProperty({
    type: AttestationDto,
    description:
      'The partner confirms the erasure is lawfully requested: `accepted` must be true and ' +
      '`reason` not blank (400 naming the field otherwise)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => AttestationDto)
  readonly attestation!: AttestationDto;
}
