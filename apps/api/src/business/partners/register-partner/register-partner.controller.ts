import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { PartnerView } from '../partner.view.js';
import { RegisterPartnerCommand, type RegisterPartnerResult } from './register-partner.command.js';
import { RegisterPartnerDto } from './register-partner.dto.js';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('v1/partners')
export class RegisterPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Register a partner (platform operator only)' })
  @ApiCreatedResponse({
    type: PartnerView,
    description: 'The partner, with the `position` of its event',
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  register(
    @Body() body: RegisterPartnerDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<RegisterPartnerResult> {
    return this.commands.execute(
      new RegisterPartnerCommand(body, requestContext(request, caller, new Date())),
    );
  }
}
