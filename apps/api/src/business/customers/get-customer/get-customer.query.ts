import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream, visibleCustomer } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { billingProfileEtag, CustomerView } from '../customer.view.js';

/** One customer as the caller sees it, and its billing profile's ETag. */
export interface CustomerAnswer {
  readonly customer: CustomerView;
  readonly etag: string;
}

/** One customer (`GET /v1/customers/{id}`). */
export class GetCustomerQuery extends Query<CustomerAnswer> {
  constructor(
    readonly customerId: string,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Reads the customer's own stream (always current; the list and search come from the read
 * models). Another partner's customer, or an unknown id, throws `CustomerNotFound` (404).
 */
@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery, CustomerAnswer> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ customerId, caller }: GetCustomerQuery): Promise<CustomerAnswer> {
    const { state } = await this.runner.load(customerDecider, customerStream(customerId));
    const customer = visibleCustomer(state, { customerId, partnerId: caller.partnerId });
    return {
      customer: CustomerView.of(customer, caller.partnerId),
      etag: billingProfileEtag(customer),
    };
  }
}
