import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AssignCustomerTag,
  customerDecider,
  customerStream,
  partnerDecider,
  partnerStream,
  partnerTag,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import { CustomerTagsView } from '../customer-tags.view.js';
import { RETRIES_ON_CONFLICT } from '../customer-tags.retries.js';

/** Put a catalog tag on a customer (`PUT /v1/customers/{id}/tags/{tagId}`). */
export class AssignCustomerTagCommand {
  constructor(
    readonly customerId: string,
    readonly tagId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Looks the tag up in the caller’s catalog (`partnerTag`) and lets the customer decider check
 * visibility, the tag and the limit. The tag could leave the catalog between that read and the
 * append: streams are not written together, and a later unassign still works for it.
 */
@HandlesCommand(AssignCustomerTagCommand)
export class AssignCustomerTagHandler implements ICommandHandler<
  AssignCustomerTagCommand,
  CustomerTagsView
> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({
    customerId,
    tagId,
    caller,
    request,
  }: AssignCustomerTagCommand): Promise<CustomerTagsView> {
    const partner = await this.commands.load(partnerDecider, partnerStream(caller.partnerId));
    const tag = partnerTag(partner.state, tagId);
    const command: AssignCustomerTag = {
      type: 'AssignCustomerTag',
      data: { customerId, partnerId: caller.partnerId, tagId, ...(tag ? { tag } : {}) },
    };
    const result = await this.commands.handle(
      customerDecider,
      customerStream(customerId),
      command,
      { ...request.context, customerId },
      { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    if (result.state.status !== 'existing') throw new Error('AssignCustomerTag left no customer');
    return CustomerTagsView.of(result.state.customer, caller.partnerId, result.position);
  }
}
