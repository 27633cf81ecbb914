import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import type { ReplayRequest } from '@customer-workspace/webhooks';
import { CallerEndpoints } from '../delivery/caller-endpoints.js';
import type { ReplayView } from './replay.view.js';

/** Send again an endpoint's events in a range (`POST /v1/webhooks/{id}/replay`). */
export class ReplayDeliveriesCommand {
  constructor(
    readonly webhookId: string,
    readonly replay: ReplayRequest,
    readonly caller: Principal,
  ) {}
}

/**
 * Records the replay in the outbox (durably, before the answer): each matching event is sent
 * again with its original `webhook-id`, from the start of the retry schedule. A replay changes
 * no event of the log; a repeated request sends the same events again.
 */
@CommandHandler(ReplayDeliveriesCommand)
export class ReplayDeliveriesHandler implements ICommandHandler<
  ReplayDeliveriesCommand,
  ReplayView
> {
  constructor(private readonly endpoints: CallerEndpoints) {}

  async execute({ webhookId, replay, caller }: ReplayDeliveriesCommand): Promise<ReplayView> {
    const { endpoint, delivery } = await this.endpoints.planned(webhookId, caller);
    return { deliveries: delivery.replay(endpoint, replay) };
  }
}
