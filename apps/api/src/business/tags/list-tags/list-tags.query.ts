import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { knownPartner, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { byName, type TagListView } from '../tag.view.js';

/** The caller's tag catalog (`GET /v1/tags`). */
export class ListTagsQuery extends Query<TagListView> {
  constructor(readonly caller: Principal) {
    super();
  }
}

/**
 * Folds the caller's partner stream (always current; a catalog holds tags, not customers, so
 * it stays small enough to answer in one page). An unregistered partner: `PartnerNotFound`.
 */
@QueryHandler(ListTagsQuery)
export class ListTagsHandler implements IQueryHandler<ListTagsQuery, TagListView> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller }: ListTagsQuery): Promise<TagListView> {
    const { state } = await this.runner.load(partnerDecider, partnerStream(caller.partnerId));
    const items = [...knownPartner(state, caller.partnerId).tags]
      .map(([id, name]) => ({ id, name }))
      .sort(byName);
    return { items, nextCursor: null, total: items.length };
  }
}
