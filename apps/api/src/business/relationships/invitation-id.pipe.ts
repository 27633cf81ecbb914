import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../../platform/errors/validation-failed.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An invitation id in a path: the UUID the api chose when the invitation was requested. */
@Injectable()
export class InvitationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new ValidationFailed([
        { field: 'id', message: 'id must be an invitation id (a UUID)' },
      ]);
    }
    return value;
  }
}
