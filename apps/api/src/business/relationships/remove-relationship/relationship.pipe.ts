import { Injectable, type PipeTransform } from '@nestjs/common';
import { type Relationship, RELATIONSHIPS } from '@customer-workspace/customers';
import { ValidationFailed } from '../../../platform/errors/validation-failed.js';

/** The `{relationship}` path segment: one of the three relationships. */
@Injectable()
export class RelationshipPipe implements PipeTransform<string, Relationship> {
  transform(value: string): Relationship {
    const known = RELATIONSHIPS.find((relationship) => relationship === value);
    if (known === undefined) {
      throw new ValidationFailed([
        {
          field: 'relationship',
          message: `relationship must be one of ${RELATIONSHIPS.join(', ')}`,
        },
      ]);
    }
    return known;
  }
}
