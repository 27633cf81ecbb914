import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';

/** The partner confirms a good-faith, legitimate business reason (docs/product.md rule 3). */
export class AttestationDto {
  @ApiProperty({
    description: 'Must be true; false is refused as a business rule (422 attestation-required)',
    example: true,
  })
  @IsBoolean()
  readonly accepted!: boolean;

  @ApiProperty({
    description: 'Must not be blank',
    example: 'The customer moved to another partner',
  })
  @IsString()
  @MaxLength(1000)
  readonly reason!: string;
}

/** `POST /v1/customers/{id}/relationships/{relationship}/removal` body. */
export class RemoveRelationshipDto {
  @ApiProperty({ type: AttestationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AttestationDto)
  readonly attestation!: AttestationDto;
}
