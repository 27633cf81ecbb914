import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import { type AddCustomer, customerDecider, customerStream } from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import { billingProfileEtag, CustomerView } from '../customer.view.js';
import type { AddCustomerDto } from './add-customer.dto.js';

export class AddCustomerCommand {
  constructor(
    readonly body: AddCustomerDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

export interface AddCustomerResult {
  readonly view: CustomerView & { position: string };
  readonly etag: string;
}

@HandlesCommand(AddCustomerCommand)
export class AddCustomerHandler implements ICommandHandler<AddCustomerCommand, AddCustomerResult> {
  constructor(private readonly commands: CommandHandler) {}

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
    const result = await this.commands.handle(
      customerDecider,
      customerStream(customerId),
      command,
      context,
      request,
    );
    if (result.state.status !== 'existing') throw new Error('AddCustomer left no customer');
    const customer = result.state.customer;
    return {
      view: {
        ...CustomerView.of(customer, caller.partnerId),
        position: result.position.toString(),
      },
      etag: billingProfileEtag(customer),
    };
  }
}
