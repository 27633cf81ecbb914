import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  AutoExtendProperty,
  DisplayNameProperty,
  DurationProperty,
  RolesProperty,
} from '../gdap-settings.dto.js';

const Optional = (property: PropertyDecorator) =>
  applyDecorators(property, ApiPropertyOptional(), IsOptional());

/**
 * `PATCH /v1/gdap-relationships/{id}` body: what changes; a field left out stays. displayName,
 * duration and roles change only while `created`; autoExtendDuration while `created` or `active`.
 */
export class UpdateGdapRelationshipDto {
  @Optional(DisplayNameProperty()) readonly displayName?: string;
  @Optional(DurationProperty()) readonly duration?: string;
  @AutoExtendProperty() readonly autoExtendDuration?: string;
  @Optional(RolesProperty()) readonly roles?: string[];
}
