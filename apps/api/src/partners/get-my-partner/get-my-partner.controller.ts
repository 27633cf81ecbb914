import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerNotFound, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import { PartnerView } from '../partner.view.js';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('v1/partners')
export class GetMyPartnerController {
  constructor(private readonly runner: CommandRunner) {}

  @Get('me')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({ summary: 'The calling partner' })
  @ApiOkResponse({ type: PartnerView })
  @ApiProblems(401, 403, 404)
  async me(@Caller() caller: Principal): Promise<PartnerView> {
    const { state } = await this.runner.load(partnerDecider, partnerStream(caller.partnerId));
    if (state.status !== 'registered') throw new PartnerNotFound(caller.partnerId);
    return PartnerView.of(state.partner);
  }
}
