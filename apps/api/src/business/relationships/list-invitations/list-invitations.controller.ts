import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { InvitationListView } from './invitation.view.js';
import { ListInvitationsDto } from './list-invitations.dto.js';
import { ListInvitationsQuery } from './list-invitations.query.js';

@ApiTags('relationships')
@ApiBearerAuth()
@Controller('v1/relationship-requests')
export class ListInvitationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'The caller’s invitations, newest first: pending, accepted, revoked or expired',
  })
  @ApiOkResponse({ type: InvitationListView })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: ListInvitationsDto,
    @Caller() caller: Principal,
  ): Promise<InvitationListView> {
    return this.queries.execute(new ListInvitationsQuery(query, caller, new Date().toISOString()));
  }
}
