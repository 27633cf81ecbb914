import { ValidateBy, type ValidationOptions } from 'class-validator';
import { activityLogInstant } from '@customer-workspace/read-models';

/** A date-time without an offset means UTC here (`asOf`); a date alone is its midnight UTC. */
function parse(value: string): string | undefined {
  const zoned = /T[^Z+-]*$/.test(value) ? `${value}Z` : value;
  return activityLogInstant(zoned);
}

/** The instant a valid `IsInstant` value names, as `toISOString` writes it. */
export function toInstant(value: string): string {
  const instant = parse(value);
  if (instant === undefined) throw new Error(`${value} is no instant (validate it first)`);
  return instant;
}

/**
 * An ISO-8601 date or date-time naming a real instant, parsed as the read models parse
 * instants (`activityLogInstant`), except that a date-time without an offset is UTC.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => typeof value === 'string' && parse(value) !== undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO-8601 date or date-time such as 2026-06-30T12:00:00Z`,
      },
    },
    options,
  );
}
