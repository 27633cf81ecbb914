import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCustomerId } from '../../relationships/customer-id.decorator.js';
import {
  AutoExtendProperty,
  DisplayNameProperty,
  DurationProperty,
  RolesProperty,
} from '../gdap-settings.dto.js';

/** `POST /v1/gdap-relationships` body. */
export class CreateGdapRelationshipDto {
  @ApiPropertyOptional({
    description: 'A customer of the caller’s; absent: the approving customer becomes it',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  @IsOptional()
  @IsCustomerId('customerId')
  readonly customerId?: string;

  @DisplayNameProperty() readonly displayName!: string;
  @DurationProperty() readonly duration!: string;
  @AutoExtendProperty() readonly autoExtendDuration?: string;
  @RolesProperty() readonly roles!: string[];
}
