import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { PartnerView } from '../partner.view.js';
import { GetMyPartnerQuery } from './get-my-partner.query.js';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('v1/partners')
export class GetMyPartnerController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({ summary: 'The calling partner' })
  @ApiOkResponse({ type: PartnerView })
  @ApiProblems(401, 403, 404)
  me(@Caller() caller: Principal): Promise<PartnerView> {
    return this.queries.execute(new GetMyPartnerQuery(caller));
  }
}
