import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { GdapRelationshipPageView } from './gdap-relationship-page.view.js';
import { ListGdapRelationshipsDto } from './list-gdap-relationships.dto.js';
import { ListGdapRelationshipsQuery } from './list-gdap-relationships.query.js';

/** `GET /v1/gdap-relationships` (every partner role). */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships')
export class ListGdapRelationshipsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'The caller’s GDAP relationships, newest first, as they are now',
    description:
      'Filters combine: `status` (at the query’s instant: a request past its 90 days, or an ' +
      'end date-time passed without auto-extension, reads expired), `customerId`, ' +
      '`expiringWithin` (an ISO 8601 duration such as P30D).',
  })
  @ApiOkResponse({ type: GdapRelationshipPageView })
  @ApiProblems(400, 401, 403, 503)
  list(
    @Query() query: ListGdapRelationshipsDto,
    @Caller() caller: Principal,
  ): Promise<GdapRelationshipPageView> {
    return this.queries.execute(new ListGdapRelationshipsQuery(query, caller));
  }
}
