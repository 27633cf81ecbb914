import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { ENTRA_ROLES, MAX_GDAP_DISPLAY_NAME_LENGTH } from '@customer-workspace/gdap';

/**
 * The shape checks of a relationship's settings; what they mean (a duration from P1D to P2Y,
 * roles of the catalog, a name of 1 to 50 characters) is the domain's to check, and its
 * refusals name the field too.
 */
const Text = (max: number) => applyDecorators(IsString(), MaxLength(max));

export const DisplayNameProperty = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      description: `Unique among the partner’s relationships ignoring case, 1 to ${MAX_GDAP_DISPLAY_NAME_LENGTH} characters after trimming`,
      example: 'Contoso helpdesk',
    }),
    Text(200),
  );

export const DurationProperty = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'ISO 8601 duration from P1D to P2Y', example: 'P730D' }),
    Text(64),
  );

export const AutoExtendProperty = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'PT0S (default: expire at endDateTime) or P180D; never with Global Administrator',
      example: 'PT0S',
    }),
    IsOptional(),
    Text(64),
  );

export const RolesProperty = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      description: 'Entra built-in role template ids (roleDefinitionId), at least one',
      example: [[...ENTRA_ROLES.keys()][0]],
    }),
    IsArray(),
    ArrayMaxSize(100),
    IsString({ each: true }),
    MaxLength(64, { each: true }),
  );
