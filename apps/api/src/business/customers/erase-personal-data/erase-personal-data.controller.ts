import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ErasePersonalDataCommand } from './erase-personal-data.command.js';
import { ErasePersonalDataDto } from './erase-personal-data.dto.js';
import { PersonalDataErasureView } from './erasure.view.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class ErasePersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/personal-data/erasure')
  @HttpCode(200)
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Erase the personal data of the customer’s billing profiles, for good (GDPR art. 17)',
    description:
      'Records the erasure (with the attestation, without personal data) and destroys the keys ' +
      'that sealed the personal fields of every billing profile the customer had: from then on ' +
      'they read null everywhere (`personalDataErased: true`), and "[erased]" in the activity ' +
      'log. Company name, culture, language, state and country stay. A new billing profile may ' +
      'be set afterwards. 409 `no-personal-data` for a customer without a billing profile, ' +
      '`personal-data-already-erased` when nothing was set since the last erasure, ' +
      '`personal-data-stored-in-clear` when a profile predates sealing (the operator runs ' +
      '`cli personal-data encrypt` first); nothing changes then.',
  })
  @ApiOkResponse({ type: PersonalDataErasureView })
  @ApiProblems(400, 401, 403, 404, 409)
  erase(
    @Param('id') id: string,
    @Body() body: ErasePersonalDataDto,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<PersonalDataErasureView> {
    return this.commands.execute(
      new ErasePersonalDataCommand(
        id,
        body.attestation,
        caller,
        requestContext(request, caller, new Date(), id),
      ),
    );
  }
}
