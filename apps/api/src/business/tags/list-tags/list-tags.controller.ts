import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { TagListView } from '../tag.view.js';
import { ListTagsQuery } from './list-tags.query.js';

/** The caller's tag catalog, in one page. */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/tags')
export class ListTagsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin-agent')
  @ApiOperation({ summary: 'The caller’s tag catalog, sorted by name ignoring case and accents' })
  @ApiOkResponse({ type: TagListView, description: 'The whole catalog in one page' })
  @ApiProblems(401, 403, 404)
  list(@Caller() caller: Principal): Promise<TagListView> {
    return this.queries.execute(new ListTagsQuery(caller));
  }
}
