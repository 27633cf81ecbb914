import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { addDuration } from '@customer-workspace/gdap';
import { queryGdapRelationships } from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { GdapReadModel } from '../gdap-read-model.js';
import { GdapRelationshipView } from '../gdap-relationship.view.js';
import type { GdapRelationshipPageView } from './gdap-relationship-page.view.js';
import type { ListGdapRelationshipsDto } from './list-gdap-relationships.dto.js';

export class ListGdapRelationshipsQuery extends Query<GdapRelationshipPageView> {
  constructor(
    readonly request: ListGdapRelationshipsDto,
    readonly caller: Principal,
  ) {
    super();
  }
}

/** A page of the caller's relationships from the read model, as they are now. */
@QueryHandler(ListGdapRelationshipsQuery)
export class ListGdapRelationshipsHandler implements IQueryHandler<
  ListGdapRelationshipsQuery,
  GdapRelationshipPageView
> {
  constructor(private readonly readModel: GdapReadModel) {}

  async execute({
    request,
    caller,
  }: ListGdapRelationshipsQuery): Promise<GdapRelationshipPageView> {
    const { db, now } = await this.readModel.reader(minPositionOf(request));
    const { status, customerId, expiringWithin } = request;
    const filter = {
      ...(status !== undefined && { status }),
      ...(customerId !== undefined && { customerId }),
      ...(expiringWithin !== undefined && { endingBy: addDuration(now, expiringWithin) }),
    };
    const page = queryGdapRelationships(
      db,
      caller.partnerId,
      filter,
      {
        limit: request.limit,
        ...(request.cursor !== undefined && { before: Number(request.cursor) }),
      },
      now,
    );
    return { ...page, items: page.items.map((item) => GdapRelationshipView.of(item)) };
  }
}
