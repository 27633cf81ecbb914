import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream, visibleCustomer } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { GDAP_RELATIONSHIPS, gdapRelationshipsOfCustomer } from '@customer-workspace/read-models';
import { Clock } from '../../../platform/clock/clock.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import { billingProfileEtag, type CustomerDetailView, CustomerView } from '../customer.view.js';

/** One customer as the caller sees it, and its billing profile's ETag. */
export interface CustomerAnswer {
  readonly customer: CustomerDetailView;
  readonly etag: string;
}

/** One customer (`GET /v1/customers/{id}`). */
export class GetCustomerQuery extends Query<CustomerAnswer> {
  constructor(
    readonly customerId: string,
    readonly caller: Principal,
    /** What the GDAP relationships must show (read-your-writes); the rest is always current. */
    readonly minPosition?: bigint,
  ) {
    super();
  }
}

/**
 * Reads the customer's own stream (always current; the list and search come from the read
 * models), and the caller's GDAP relationships with the customer from their read model.
 * Another partner's customer, or an unknown id, throws `CustomerNotFound` (404).
 */
@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery, CustomerAnswer> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly readModels: ReadModelsService,
    private readonly clock: Clock,
  ) {}

  async execute({ customerId, caller, minPosition }: GetCustomerQuery): Promise<CustomerAnswer> {
    const { state } = await this.runner.load(customerDecider, customerStream(customerId));
    const customer = visibleCustomer(state, { customerId, partnerId: caller.partnerId });
    const gdap = await this.readModels.caughtUp(GDAP_RELATIONSHIPS, minPosition);
    const now = this.clock.now().toISOString();
    const relationships = gdapRelationshipsOfCustomer(
      gdap.reader(),
      caller.partnerId,
      customerId,
      now,
    );
    return {
      customer: {
        ...CustomerView.of(customer, caller.partnerId),
        gdapRelationships: relationships.map(({ id, displayName, status, endDateTime }) => ({
          id,
          displayName,
          status,
          endDateTime,
        })),
      },
      etag: billingProfileEtag(customer),
    };
  }
}
