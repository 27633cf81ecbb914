import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ReplayDeliveriesCommand } from './replay-deliveries.command.js';
import { ReplayDeliveriesDto, replayRequestOf } from './replay-deliveries.dto.js';
import { ReplayView } from './replay.view.js';

/** `POST /v1/webhooks/{id}/replay` (admin-agent). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class ReplayDeliveriesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('admin-agent')
  @ApiOperation({
    summary:
      'Send again the events an endpoint is subscribed to, from a position or in a time range',
    description:
      'Every event of the caller’s that the endpoint’s event names match, delivered before or ' +
      'not (one from before the endpoint existed, or from while it was disabled, included), ' +
      'with its original `webhook-id`, in position order. A disabled endpoint gets them once ' +
      'it is enabled. At most 10,000 deliveries a replay: a larger range answers 422 ' +
      '`replay-too-large` (replay it in shorter time ranges).',
  })
  @ApiAcceptedResponse({ type: ReplayView })
  @ApiProblems(400, 401, 403, 404, 422, 503)
  replay(
    @Param('id') id: string,
    @Body() body: ReplayDeliveriesDto,
    @Caller() caller: Principal,
  ): Promise<ReplayView> {
    return this.commands.execute(new ReplayDeliveriesCommand(id, replayRequestOf(body), caller));
  }
}
