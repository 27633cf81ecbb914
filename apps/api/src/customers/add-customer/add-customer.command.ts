import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AddCustomer,
  customerDecider,
  customerStream,
} from '../../../../../libs/customers/src/index.js';
import { CommandHandler } from '../../../../../libs/event-store/src/index.js';
import type { Principal } from '../../auth/roles.js';
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
