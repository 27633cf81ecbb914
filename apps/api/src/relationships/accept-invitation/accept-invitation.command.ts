import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AcceptInvitation,
  invitationDecider,
  type InvitationState,
  invitationStream,
  type ResellerRelationshipAccepted,
} from '@customer-workspace/customers';
import {
  CommandHandler,
  type CommandContext,
  EVENT_STORE,
  type EventStore,
} from '@customer-workspace/event-store';
import { canonicalJson, deterministicUuid } from '../../idempotency/fingerprint.js';
import {
  AcceptanceConsequences,
  type AcceptedInvitationEvent,
} from '../acceptance-consequences.js';
import { hashInvitationToken } from '../invitation-token.js';
import type { AcceptInvitationDto } from './accept-invitation.dto.js';
import { AcceptanceView } from './acceptance.view.js';

export class AcceptInvitationCommand {
  constructor(
    readonly invitationId: string,
    readonly body: AcceptInvitationDto,
    readonly correlationId: string,
    readonly now: Date,
  ) {}
}

/**
 * The customer accepts with the token: `ResellerRelationshipAccepted` on the invitation stream
 * first, then its consequences on the customer stream (also applied, should this process stop
 * in between, by the invitation-acceptance process manager).
 */
@HandlesCommand(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<
  AcceptInvitationCommand,
  AcceptanceView
> {
  constructor(
    private readonly commands: CommandHandler,
    private readonly consequences: AcceptanceConsequences,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({
    invitationId,
    body,
    correlationId,
    now,
  }: AcceptInvitationCommand): Promise<AcceptanceView> {
    const stream = invitationStream(invitationId);
    const command = acceptCommand(invitationId, body, now);
    const { state } = await this.commands.load(invitationDecider, stream);
    const context = acceptanceContext(command, state, correlationId);
    const eventId = acceptanceEventId(command);
    const result = await this.commands.handle(invitationDecider, stream, command, context, {
      eventId: () => eventId,
      retriesOnConflict: 1,
    });
    const appended = result.events[0] as ResellerRelationshipAccepted | undefined;
    const accepted: AcceptedInvitationEvent = appended
      ? { eventId, data: appended.data, metadata: context }
      : await this.stored(stream, eventId);
    const applied = await this.consequences.apply(accepted);
    return AcceptanceView.of(accepted.data, applied.state, applied.position);
  }

  /** The acceptance a retried request stored at its first attempt. */
  private async stored(stream: string, eventId: string): Promise<AcceptedInvitationEvent> {
    for await (const event of this.store.readStream(stream)) {
      if (event.eventId === eventId) {
        const data = event.data as ResellerRelationshipAccepted['data'];
        return { eventId, data, metadata: event.metadata };
      }
    }
    throw new Error(`Acceptance ${eventId} is not in ${stream}`);
  }
}

/**
 * One id per acceptance (token and customer). The same acceptance sent again (a retry) finds
 * its event stored and is answered as the first was; only the token's holder can name it. A
 * different acceptance, even a concurrent one, never shares the id, so it cannot pass for the
 * first (the store takes a re-append of stored ids for a retry): it conflicts, is decided
 * again and finds the token used (410).
 */
function acceptanceEventId({ data }: AcceptInvitation): string {
  return deterministicUuid(
    `accept/${data.invitationId}/${data.tokenHash}/${canonicalJson(data.customer)}`,
  );
}

function acceptCommand(
  invitationId: string,
  body: AcceptInvitationDto,
  now: Date,
): AcceptInvitation {
  const { id, companyName, domain } = body.customer;
  return {
    type: 'AcceptInvitation',
    data: {
      invitationId,
      tokenHash: hashInvitationToken(body.token),
      customer: { id: id ?? randomUUID(), companyName, domain },
      acceptedAt: now.toISOString(),
    },
  };
}

/**
 * Nobody signs in to accept: the actor is the accepting tenant (its id, its domain, role
 * `customer`); the partner is the inviting one, whose activity log shows the acceptance.
 */
function acceptanceContext(
  { data }: AcceptInvitation,
  state: InvitationState,
  correlationId: string,
): CommandContext {
  return {
    correlationId,
    causationId: correlationId,
    actor: { userId: data.customer.id, upn: data.customer.domain, role: 'customer' },
    partnerId: state.status === 'none' ? '' : state.invitation.partnerId,
    customerId: data.customer.id,
    occurredAt: data.acceptedAt,
  };
}
