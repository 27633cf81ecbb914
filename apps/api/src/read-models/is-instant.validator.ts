import { ValidateBy, type ValidationOptions } from 'class-validator';

/** `2026-06-30`, `2026-06-30T12:00Z`, `2026-06-30T12:00:00.123+02:00` (no zone: UTC). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function zoned(value: string): string {
  return value.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value;
}

/** The instant a valid `IsInstant` value names, as `toISOString` writes it. */
export function toInstant(value: string): string {
  return new Date(zoned(value)).toISOString();
}

/** An ISO-8601 date or date-time naming a real instant; without a zone it is UTC. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          ISO_INSTANT.test(value) &&
          !Number.isNaN(new Date(zoned(value)).getTime()),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO-8601 date or date-time such as 2026-06-30T12:00:00Z`,
      },
    },
    options,
  );
}
