import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type CancelSubscription,
  customerDecider,
  customerStream,
  existingCustomer,
  type SuspendSubscription,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { SubscriptionChangeView } from '../order.view.js';

/** Suspend (active → suspended) or cancel (active or suspended → cancelled, final). */
export type SubscriptionChange = (SuspendSubscription | CancelSubscription)['type'];

/** Suspend or cancel one of the caller's subscriptions (`POST …/subscriptions/{sid}/suspend|cancel`). */
export class ChangeSubscriptionCommand {
  constructor(
    readonly change: SubscriptionChange,
    readonly customerId: string,
    readonly subscriptionId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * The decider checks the subscription's status on every attempt, so a concurrent suspend or
 * cancel of the same subscription answers 409, never a double event. Answers the new status.
 */
@CommandHandler(ChangeSubscriptionCommand)
export class ChangeSubscriptionHandler implements ICommandHandler<
  ChangeSubscriptionCommand,
  SubscriptionChangeView
> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ change, customerId, subscriptionId, caller, request }: ChangeSubscriptionCommand) {
    const command = {
      type: change,
      data: { customerId, partnerId: caller.partnerId, subscriptionId },
    };
    const streamId = customerStream(customerId);
    return this.runner.answer(
      { decider: customerDecider, streamId, command, ...request },
      ({ state }) => {
        const subscription = existingCustomer(state, change).subscriptions.get(subscriptionId);
        if (!subscription) throw new Error(`${change} left no subscription ${subscriptionId}`);
        return { subscriptionId, status: subscription.status };
      },
    );
  }
}
