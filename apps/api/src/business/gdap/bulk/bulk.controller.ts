import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { Clock } from '../../../platform/clock/clock.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { GdapBulkCommand } from './bulk.command.js';
import { GdapBulkDto, MAX_GDAP_BULK_ITEMS } from './bulk.dto.js';
import { GdapBulkView } from './bulk.view.js';

/** `POST /v1/gdap-relationships/bulk` (admin-agent). */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships')
export class GdapBulkController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post('bulk')
  @Roles('admin-agent')
  @HttpCode(200)
  @ApiOperation({
    summary: `Terminate or extend up to ${MAX_GDAP_BULK_ITEMS} relationships at once, a result per item`,
    description:
      'Each item is decided on its own and answers the status its own request would (200, ' +
      '404, 409, 422) with its relationship and position, or its problem; the request is 200 ' +
      'whatever the items’ outcomes, 400 when its shape is wrong.',
  })
  @ApiOkResponse({ type: GdapBulkView })
  @ApiProblems(400, 401, 403)
  bulk(
    @Body() body: GdapBulkDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<GdapBulkView> {
    const context = requestContext(request, caller, this.clock.now());
    return this.commands.execute(new GdapBulkCommand(body, caller, context));
  }
}
