import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  customerStream,
  type UpdateBillingProfile,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { BillingProfileDto } from '../customer-profile.dto.js';
import { type CustomerChanged, customerWithEtag } from '../customer.view.js';

export class UpdateBillingProfileCommand {
  constructor(
    readonly customerId: string,
    readonly body: BillingProfileDto,
    readonly expectedVersion: number,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

export type UpdateBillingProfileResult = CustomerChanged;

@CommandHandler(UpdateBillingProfileCommand)
export class UpdateBillingProfileHandler implements ICommandHandler<
  UpdateBillingProfileCommand,
  UpdateBillingProfileResult
> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({
    customerId,
    body,
    expectedVersion,
    caller,
    request,
  }: UpdateBillingProfileCommand): Promise<UpdateBillingProfileResult> {
    const command: UpdateBillingProfile = {
      type: 'UpdateBillingProfile',
      data: { customerId, partnerId: caller.partnerId, billingProfile: body, expectedVersion },
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
