import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerNotFound, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import { Caller, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { ApiProblems } from '../../docs/api-problems.decorator.js';
import { byName, TagListView } from '../tag.view.js';

/**
 * The caller's tag catalog, folded from its partner stream (always current; a catalog holds
 * tags, not customers, so it stays small enough to answer in one page).
 */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/tags')
export class ListTagsController {
  constructor(private readonly runner: CommandRunner) {}

  @Get()
  @Roles('admin-agent')
  @ApiOperation({ summary: 'The caller’s tag catalog, sorted by name ignoring case and accents' })
  @ApiOkResponse({ type: TagListView, description: 'The whole catalog in one page' })
  @ApiProblems(401, 403, 404)
  async list(@Caller() caller: Principal): Promise<TagListView> {
    const { state } = await this.runner.load(partnerDecider, partnerStream(caller.partnerId));
    if (state.status !== 'registered') throw new PartnerNotFound(caller.partnerId);
    const items = [...state.partner.tags].map(([id, name]) => ({ id, name })).sort(byName);
    return { items, nextCursor: null, total: items.length };
  }
}
