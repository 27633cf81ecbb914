import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { DeliveryPageView } from './delivery.view.js';
import { ListDeliveriesDto } from './list-deliveries.dto.js';
import { ListDeliveriesQuery } from './list-deliveries.query.js';

/** `GET /v1/webhooks/{id}/deliveries` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class ListDeliveriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deliveries')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'The delivery log of an endpoint: every delivery, newest first, with every attempt',
    description:
      'One delivery per event and endpoint; its `id` is the `webhook-id` header of every ' +
      'attempt and replay. `state`: pending (to be attempted at `nextAttemptAt`), delivered ' +
      '(a 2xx answer), failed (410 Gone, or the retry schedule spent: the endpoint was ' +
      'disabled). Attempts keep the start of each answer’s body.',
  })
  @ApiOkResponse({ type: DeliveryPageView })
  @ApiProblems(400, 401, 403, 404, 503)
  list(
    @Param('id') id: string,
    @Query() query: ListDeliveriesDto,
    @Caller() caller: Principal,
  ): Promise<DeliveryPageView> {
    return this.queries.execute(new ListDeliveriesQuery(id, query, caller));
  }
}
