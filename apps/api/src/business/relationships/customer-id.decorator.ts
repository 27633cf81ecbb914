import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A customer's Microsoft ID (tenant GUID), in any letter case; stored lowercase, as the api
 * writes the ids it generates, so that `customer-<id>` names one stream only.
 */
export const IsCustomerId = (field: string): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    ),
    Matches(TENANT_ID, { message: `${field} must be a Microsoft ID (a GUID)` }),
  );
