import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';

/** Positions are unsigned 64-bit (EventStoreDB commit positions): at most 20 decimal digits. */
const MAX_POSITION = 2n ** 64n - 1n;

/** Whether `value` is a global position: a decimal string of an unsigned 64-bit integer. */
export const isGlobalPosition = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,20}$/.test(value) && BigInt(value) <= MAX_POSITION;

/** What a read model's `minPosition` does (read-your-writes). */
export const READ_YOUR_WRITES =
  'Wait (bounded) until the read model has applied this global position: the `position` ' +
  'of a command answer. 503 `read-model-behind` when it does not catch up in time.';

/**
 * The `minPosition` query parameter: an optional global position (a decimal string of an
 * unsigned 64-bit integer). `description` says what the list does with it.
 */
export function MinPositionProperty(description = READ_YOUR_WRITES): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ description, example: '42' })(target, key);
    IsOptional()(target, key);
    ValidateBy({
      name: 'isGlobalPosition',
      validator: {
        validate: isGlobalPosition,
        defaultMessage: () => 'minPosition must be a global position (a decimal string)',
      },
    })(target, key);
  };
}

/** The `minPosition` query parameter of every read-model query (read-your-writes). */
export class MinPositionDto {
  @MinPositionProperty() readonly minPosition?: string;
}

/** The parsed `minPosition`, or undefined. */
export function minPositionOf(query: { readonly minPosition?: string }): bigint | undefined {
  return query.minPosition === undefined ? undefined : BigInt(query.minPosition);
}
