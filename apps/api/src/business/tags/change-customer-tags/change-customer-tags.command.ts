import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AssignCustomerTag,
  customerDecider,
  customerStream,
  existingCustomer,
  partnerDecider,
  partnerStream,
  partnerTag,
  type UnassignCustomerTag,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { CustomerTagsView } from '../customer-tags.view.js';

/** Put a catalog tag on a customer, or take one off. */
export type CustomerTagChange = (AssignCustomerTag | UnassignCustomerTag)['type'];

/** `PUT` / `DELETE /v1/customers/{id}/tags/{tagId}`. */
export class ChangeCustomerTagsCommand {
  constructor(
    readonly change: CustomerTagChange,
    readonly customerId: string,
    readonly tagId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * An assignment looks the tag up in the caller’s catalog (`partnerTag`) and lets the customer
 * decider check visibility, the tag and the limit. The tag could leave the catalog between that
 * read and the append: streams are not written together, and a later unassign still works for
 * it. Unassigning a tag the customer does not carry changes nothing (no catalog look-up).
 */
@CommandHandler(ChangeCustomerTagsCommand)
export class ChangeCustomerTagsHandler implements ICommandHandler<
  ChangeCustomerTagsCommand,
  CustomerTagsView
> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ change, customerId, tagId, caller, request }: ChangeCustomerTagsCommand) {
    const { partnerId } = caller;
    const command: AssignCustomerTag | UnassignCustomerTag =
      change === 'AssignCustomerTag'
        ? {
            type: change,
            data: { customerId, partnerId, tagId, ...(await this.tag(partnerId, tagId)) },
          }
        : { type: change, data: { customerId, partnerId, tagId } };
    const streamId = customerStream(customerId);
    return this.runner.answer(
      { decider: customerDecider, streamId, command, ...request },
      ({ state }) => CustomerTagsView.of(existingCustomer(state, change), partnerId),
    );
  }

  /** The catalog's tag, as the assignment records it (absent: not in the catalog). */
  private async tag(partnerId: string, tagId: string) {
    const partner = await this.runner.load(partnerDecider, partnerStream(partnerId));
    const tag = partnerTag(partner.state, tagId);
    return tag ? { tag } : {};
  }
}
