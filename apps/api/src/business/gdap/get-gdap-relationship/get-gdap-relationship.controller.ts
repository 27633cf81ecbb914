import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { MinPositionDto, minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { GdapReadModel } from '../gdap-read-model.js';
import { GdapRelationshipView } from '../gdap-relationship.view.js';

/** `GET /v1/gdap-relationships/{id}` (every partner role); another partner's answers 404. */
@ApiTags('gdap')
@ApiBearerAuth()
@Controller('v1/gdap-relationships')
export class GetGdapRelationshipController {
  constructor(private readonly readModel: GdapReadModel) {}

  @Get(':id')
  @Roles(...PARTNER_ROLES)
  @ApiOperation({ summary: 'One GDAP relationship of the caller’s, as it is now' })
  @ApiOkResponse({ type: GdapRelationshipView })
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @Param('id') id: string,
    @Query() query: MinPositionDto,
    @Caller() caller: Principal,
  ): Promise<GdapRelationshipView> {
    const { item } = await this.readModel.relationship(caller.partnerId, id, minPositionOf(query));
    return GdapRelationshipView.of(item);
  }
}
