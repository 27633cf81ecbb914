import { ApiProperty } from '@nestjs/swagger';
import { IsString, ValidateBy } from 'class-validator';
import { MAX_TAG_NAME_LENGTH } from '@customer-workspace/customers';

/** Counts as the domain does: characters (code points, NFC) after trimming. */
const isTagName = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const length = [...value.trim().normalize('NFC')].length;
  return length >= 1 && length <= MAX_TAG_NAME_LENGTH;
};

/** `POST /v1/tags` body. */
export class CreateTagDto {
  @ApiProperty({
    example: 'VIP',
    minLength: 1,
    maxLength: MAX_TAG_NAME_LENGTH,
    description: `1 to ${MAX_TAG_NAME_LENGTH} characters after trimming; unique ignoring case`,
  })
  @IsString()
  @ValidateBy({
    name: 'isTagName',
    validator: {
      validate: isTagName,
      defaultMessage: () =>
        `name must have 1 to ${MAX_TAG_NAME_LENGTH} characters, not counting surrounding spaces`,
    },
  })
  readonly name!: string;
}
