import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** A tree size as a query parameter: a non-negative integer in decimal (at most 15 digits). */
const TREE_SIZE = /^(0|[1-9][0-9]{0,14})$/;

/**
 * A tree-size query parameter (`treeSize`, `from`, `to`): a decimal string of a non-negative
 * integer, checked before the handler runs, so a 400 names the parameter.
 */
export function TreeSizeProperty(options: {
  readonly description: string;
  readonly required?: boolean;
}): PropertyDecorator {
  return (target, key) => {
    const name = String(key);
    const doc = { type: String, description: options.description, example: '42' };
    // Required: a missing value fails the same check, with one message.
    if (options.required) ApiProperty(doc)(target, key);
    else {
      ApiPropertyOptional(doc)(target, key);
      IsOptional()(target, key);
    }
    Matches(TREE_SIZE, { message: `${name} must be a tree size (a non-negative integer)` })(
      target,
      key,
    );
  };
}

/** A tree-size parameter's value, or undefined when not given. */
export const treeSizeOf = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);
