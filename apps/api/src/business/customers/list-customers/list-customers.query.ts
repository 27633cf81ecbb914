import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CUSTOMER_LIST, queryCustomerList } from '@customer-workspace/read-models';
import type { Principal } from '@customer-workspace/auth';
import { toInstant } from '../../../platform/read-models/is-instant.validator.js';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import type { CustomerListView } from './customer-list.view.js';
import type { ListCustomersDto } from './list-customers.dto.js';

/** A page of the caller's customer list (`GET /v1/customers`). */
export class ListCustomersQuery extends Query<CustomerListView> {
  constructor(
    readonly request: ListCustomersDto,
    readonly caller: Principal,
  ) {
    super();
  }
}

/** Answers from the customer-list read model once it has reached `minPosition`. */
@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery, CustomerListView> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ request, caller }: ListCustomersQuery): Promise<CustomerListView> {
    const runner = await this.readModels.caughtUp(CUSTOMER_LIST, minPositionOf(request));
    return queryCustomerList(runner.reader(), {
      partnerId: caller.partnerId,
      sort: request.sort,
      limit: request.limit,
      ...(request.q !== undefined && { q: request.q }),
      ...(request.relationship !== undefined && { relationship: request.relationship }),
      ...(request.tag !== undefined && { tag: request.tag }),
      ...(request.asOf !== undefined && { asOf: toInstant(request.asOf) }),
      ...(request.cursor !== undefined && { cursor: request.cursor }),
    });
  }
}
