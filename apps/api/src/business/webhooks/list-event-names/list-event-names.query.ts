import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { WEBHOOK_EVENT_NAMES } from '@customer-workspace/webhooks';
import type { EventNameListView } from './event-name-list.view.js';

/** The names an endpoint can subscribe to (`GET /v1/webhooks/events`). */
export class ListEventNamesQuery extends Query<EventNameListView> {}

/** The same for every partner: the names the webhooks package notifies of. */
@QueryHandler(ListEventNamesQuery)
export class ListEventNamesHandler implements IQueryHandler<
  ListEventNamesQuery,
  EventNameListView
> {
  execute(): Promise<EventNameListView> {
    return Promise.resolve({ items: [...WEBHOOK_EVENT_NAMES] });
  }
}
