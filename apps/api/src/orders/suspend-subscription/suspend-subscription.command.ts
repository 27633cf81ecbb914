import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandler } from '@customer-workspace/event-store';
import type { SubscriptionChangeView } from '../order.view.js';
import { changeSubscription, type SubscriptionChangeRequest } from '../subscription-change.js';

/** Suspend an active subscription the caller ordered. */
export class SuspendSubscriptionCommand {
  constructor(readonly change: SubscriptionChangeRequest) {}
}

/** Runs `SuspendSubscription` on the customer stream. */
@HandlesCommand(SuspendSubscriptionCommand)
export class SuspendSubscriptionHandler implements ICommandHandler<
  SuspendSubscriptionCommand,
  SubscriptionChangeView
> {
  constructor(private readonly commands: CommandHandler) {}

  execute({ change }: SuspendSubscriptionCommand): Promise<SubscriptionChangeView> {
    return changeSubscription(this.commands, 'SuspendSubscription', change);
  }
}
