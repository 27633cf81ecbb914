import { IntersectionType } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DeliveryState } from '@customer-workspace/webhooks';
import { PageQueryDto } from '../../../platform/read-models/page-query.dto.js';

const STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];

class DeliveryStateFilter {
  @ApiPropertyOptional({ enum: STATES, description: 'Only deliveries in this state' })
  @IsOptional()
  @IsIn(STATES, { message: `state must be one of ${STATES.join(', ')}` })
  readonly state?: DeliveryState;
}

/** `GET /v1/webhooks/{id}/deliveries` query: a page of the delivery log, newest first. */
export class ListDeliveriesDto extends IntersectionType(
  PageQueryDto({
    maxLimit: 500,
    defaultLimit: 50,
    cursor: /^\d{1,20}$/,
    minPositionDescription:
      'Wait (bounded) until the deliveries of the events up to this global position are ' +
      'recorded: the `position` of a command answer. 503 `read-model-behind` otherwise.',
  }),
  DeliveryStateFilter,
) {}
