import { Injectable } from '@nestjs/common';
import {
  type ApplyAcceptedInvitation,
  type CustomerState,
  customerDecider,
  customerStream,
  type ResellerRelationshipAccepted,
} from '@customer-workspace/customers';
import {
  CommandRunner,
  type CommandContext,
  type EventMetadata,
} from '@customer-workspace/event-store';
import { deterministicUuid } from '../../platform/idempotency/fingerprint.js';

/** A stored (or just appended) `ResellerRelationshipAccepted`: what its consequences derive from. */
export interface AcceptedInvitationEvent {
  readonly eventId: string;
  readonly data: ResellerRelationshipAccepted['data'];
  readonly metadata: CommandContext | EventMetadata;
}

export interface AppliedConsequences {
  readonly state: CustomerState;
  /** Position of the last consequence (of the stream's last event when there were none). */
  readonly position: bigint;
}

/**
 * Establishes the relationships of an accepted invitation on the customer's stream. Event ids
 * derive from the accepted event's id: the command handler answers a run whose events are
 * stored already as the first run (even if the relationship was removed since), and the
 * decider returns nothing for consequences already in the state. So the HTTP acceptance and
 * the process manager may both run it, in any order, any number of times: stored once.
 */
@Injectable()
export class AcceptanceConsequences {
  constructor(private readonly runner: CommandRunner) {}

  async apply(accepted: AcceptedInvitationEvent): Promise<AppliedConsequences> {
    const stream = customerStream(accepted.data.customerId);
    const command: ApplyAcceptedInvitation = {
      type: 'ApplyAcceptedInvitation',
      data: { acceptance: accepted.data },
    };
    return this.runner.run({
      decider: customerDecider,
      streamId: stream,
      command,
      context: contextOf(accepted),
      eventId: (index) => deterministicUuid(`${accepted.eventId}/${index}`),
    });
  }
}

/** The consequences are caused by the accepted event, in the same correlation, at its instant. */
function contextOf({ eventId, data, metadata }: AcceptedInvitationEvent): CommandContext {
  return {
    correlationId: metadata.correlationId,
    causationId: eventId,
    actor: metadata.actor,
    partnerId: metadata.partnerId,
    customerId: data.customerId,
    occurredAt: metadata.occurredAt,
  };
}
