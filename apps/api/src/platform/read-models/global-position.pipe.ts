import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/validation-failed.js';
import { isGlobalPosition } from './min-position.dto.js';

/**
 * A global position in a path (`/v1/activity-logs/{position}`), checked like `minPosition`: a
 * decimal string of an unsigned 64-bit integer. A 400 names the path parameter.
 */
@Injectable()
export class GlobalPositionPipe implements PipeTransform<string, bigint> {
  transform(value: string, { data }: ArgumentMetadata): bigint {
    const field = data ?? 'position';
    if (!isGlobalPosition(value)) {
      throw new ValidationFailed([
        { field, message: `${field} must be a global position (a decimal string)` },
      ]);
    }
    return BigInt(value);
  }
}
