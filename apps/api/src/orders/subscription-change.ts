import {
  type CancelSubscription,
  customerDecider,
  customerStream,
  type SuspendSubscription,
} from '@customer-workspace/customers';
import type { CommandHandler } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../commands/command-context.js';
import type { SubscriptionChangeView } from './order.view.js';

/** What a suspend or cancel request carries to its handler. */
export interface SubscriptionChangeRequest {
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly caller: Principal;
  readonly request: RequestContext;
}

/**
 * The decider checks the subscription's status on every attempt, so losing a race on the
 * shared customer stream (tags, billing, other partners' orders) is safe to retry: a
 * concurrent suspend or cancel of the same subscription then answers 409, never a double event.
 */
const RETRIES_ON_CONFLICT = 5;

/** Suspends or cancels one of the caller's subscriptions; answers its new status. */
export async function changeSubscription(
  commands: CommandHandler,
  type: (SuspendSubscription | CancelSubscription)['type'],
  { customerId, subscriptionId, caller, request }: SubscriptionChangeRequest,
): Promise<SubscriptionChangeView> {
  const command = { type, data: { customerId, partnerId: caller.partnerId, subscriptionId } };
  const result = await commands.handle(
    customerDecider,
    customerStream(customerId),
    command,
    { ...request.context, customerId },
    { ...request, retriesOnConflict: RETRIES_ON_CONFLICT },
  );
  if (result.state.status !== 'existing') throw new Error(`${type} left no customer`);
  const subscription = result.state.customer.subscriptions.get(subscriptionId);
  if (!subscription) throw new Error(`${type} left no subscription ${subscriptionId}`);
  return { subscriptionId, status: subscription.status, position: result.position.toString() };
}
