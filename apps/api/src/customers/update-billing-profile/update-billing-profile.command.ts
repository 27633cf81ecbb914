import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  customerStream,
  type UpdateBillingProfile,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../commands/command-context.js';
import type { BillingProfileDto } from '../customer-profile.dto.js';
import { billingProfileEtag, CustomerView } from '../customer.view.js';

export class UpdateBillingProfileCommand {
  constructor(
    readonly customerId: string,
    readonly body: BillingProfileDto,
    readonly expectedVersion: number,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

export interface UpdateBillingProfileResult {
  readonly view: CustomerView & { position: string };
  readonly etag: string;
}

/**
 * The version check is in the decider (a stale ETag is refused, never merged), so a race with
 * another partner's unrelated change to the same customer stream is safe to retry.
 */
const RETRIES_ON_CONFLICT = 5;

@HandlesCommand(UpdateBillingProfileCommand)
export class UpdateBillingProfileHandler implements ICommandHandler<
  UpdateBillingProfileCommand,
  UpdateBillingProfileResult
> {
  constructor(private readonly commands: CommandHandler) {}

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
    const result = await this.commands.handle(
      customerDecider,
      customerStream(customerId),
      command,
      context,
      {
        ...request,
        retriesOnConflict: RETRIES_ON_CONFLICT,
      },
    );
    if (result.state.status !== 'existing')
      throw new Error('UpdateBillingProfile left no customer');
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
