import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandler } from '@customer-workspace/event-store';
import type { SubscriptionChangeView } from '../order.view.js';
import { changeSubscription, type SubscriptionChangeRequest } from '../subscription-change.js';

/** Cancel an active or suspended subscription the caller ordered. */
export class CancelSubscriptionCommand {
  constructor(readonly change: SubscriptionChangeRequest) {}
}

/** Runs `CancelSubscription` on the customer stream. */
@HandlesCommand(CancelSubscriptionCommand)
export class CancelSubscriptionHandler implements ICommandHandler<
  CancelSubscriptionCommand,
  SubscriptionChangeView
> {
  constructor(private readonly commands: CommandHandler) {}

  execute({ change }: CancelSubscriptionCommand): Promise<SubscriptionChangeView> {
    return changeSubscription(this.commands, 'CancelSubscription', change);
  }
}
