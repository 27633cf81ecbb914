import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AddCustomer, customerDecider, customerStream } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { type CustomerChanged, customerWithEtag } from '../customer.view.js';
import type { AddCustomerDto } from './add-customer.dto.js';

export class AddCustomerCommand {
  constructor(
    readonly body: AddCustomerDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

export type AddCustomerResult = CustomerChanged;

@CommandHandler(AddCustomerCommand)
export class AddCustomerHandler implements ICommandHandler<AddCustomerCommand, AddCustomerResult> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ body, caller, request }: AddCustomerCommand): Promise<AddCustomerResult> {
    const customerId = request.newId('customer');
    const command: AddCustomer = {
      type: 'AddCustomer',
      data: {
        customerId,
        partnerId: caller.partnerId,
        companyProfile: body.companyProfile,
        billingProfile: body.billingProfile,
      },
    };
    const context = { ...request.context, customerId };
    const streamId = customerStream(customerId);
    const { etag, ...view } = await this.runner.answer(
      { decider: customerDecider, streamId, command, ...request, context },
      ({ state }) => customerWithEtag(state, command.type, caller.partnerId),
    );
    return { view, etag };
  }
}
