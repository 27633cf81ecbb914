import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  customerStream,
  type UnassignCustomerTag,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import { CustomerTagsView } from '../customer-tags.view.js';
import { RETRIES_ON_CONFLICT } from '../customer-tags.retries.js';

/** Take a tag off a customer (`DELETE /v1/customers/{id}/tags/{tagId}`). */
export class UnassignCustomerTagCommand {
  constructor(
    readonly customerId: string,
    readonly tagId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Unassigning a tag the customer does not carry changes nothing (the catalog is not consulted). */
@HandlesCommand(UnassignCustomerTagCommand)
export class UnassignCustomerTagHandler implements ICommandHandler<
  UnassignCustomerTagCommand,
  CustomerTagsView
> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({
    customerId,
    tagId,
    caller,
    request,
  }: UnassignCustomerTagCommand): Promise<CustomerTagsView> {
    const command: UnassignCustomerTag = {
      type: 'UnassignCustomerTag',
      data: { customerId, partnerId: caller.partnerId, tagId },
    };
    const result = await this.commands.handle(
      customerDecider,
      customerStream(customerId),
      command,
      { ...request.context, customerId },
      { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    if (result.state.status !== 'existing') throw new Error('UnassignCustomerTag left no customer');
    return CustomerTagsView.of(result.state.customer, caller.partnerId, result.position);
  }
}
