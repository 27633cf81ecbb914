import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import {
  ACTIVITY_LOG_ACTION_NAMES,
  type ActivityLogAction,
  activityLogInstant,
} from '@customer-workspace/read-models';

const IsInstant = (field: 'from' | 'to') =>
  ValidateBy({
    name: 'isActivityLogInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && activityLogInstant(value) !== undefined,
      defaultMessage: () =>
        `${field} must be an ISO 8601 date (2026-11-21) or date-time with its offset ` +
        '(2026-11-21T10:00:00Z)',
    },
  });

/**
 * The filters of `GET /v1/activity-logs` and its export; every one optional, combined (AND).
 * The list composes them with its page, the export with `minPosition`.
 */
export class ActivityLogFiltersDto {
  @ApiPropertyOptional({
    description:
      'Entries that occurred at or after this instant (inclusive). An ISO 8601 date (midnight ' +
      'UTC) or a date-time with its offset.',
    example: '2026-11-01',
  })
  @IsOptional()
  @IsInstant('from')
  readonly from?: string;

  @ApiPropertyOptional({
    description:
      'Entries that occurred before this instant (exclusive: `from=2026-11-01&to=2026-12-01` ' +
      'is November). An ISO 8601 date (midnight UTC) or a date-time with its offset.',
    example: '2026-12-01',
  })
  @IsOptional()
  @IsInstant('to')
  readonly to?: string;

  @ApiPropertyOptional({ description: 'Entries about this customer (its Microsoft ID)' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'customerId must have 1 to 200 characters' })
  readonly customerId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_LOG_ACTION_NAMES, description: 'Entries of this action' })
  @IsOptional()
  @IsIn(ACTIVITY_LOG_ACTION_NAMES, {
    message: `action must be one of ${ACTIVITY_LOG_ACTION_NAMES.join(', ')}`,
  })
  readonly action?: ActivityLogAction;

  @ApiPropertyOptional({
    description: 'Entries performed by this user: its user id or its user principal name',
    example: 'jana.novakova@contoso.example',
  })
  @IsOptional()
  @IsString()
  @Length(1, 320, { message: 'user must have 1 to 320 characters' })
  readonly user?: string;
}
