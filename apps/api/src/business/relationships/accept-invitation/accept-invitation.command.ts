import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AcceptInvitation,
  invitationDecider,
  type InvitationState,
  invitationStream,
} from '@customer-workspace/customers';
import { type CommandContext, CommandRunner } from '@customer-workspace/event-store';
import { canonicalJson, deterministicUuid } from '../../../platform/idempotency/fingerprint.js';
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
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<
  AcceptInvitationCommand,
  AcceptanceView
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly consequences: AcceptanceConsequences,
  ) {}

  async execute({
    invitationId,
    body,
    correlationId,
    now,
  }: AcceptInvitationCommand): Promise<AcceptanceView> {
    const stream = invitationStream(invitationId);
    const command = acceptCommand(invitationId, body, now);
    const { state } = await this.runner.load(invitationDecider, stream);
    const context = acceptanceContext(command, state, correlationId);
    const eventId = acceptanceEventId(command);
    const result = await this.runner.run({
      decider: invitationDecider,
      streamId: stream,
      command,
      context,
      eventId: () => eventId,
      // A different acceptance that raced this one is decided once more and finds the token used.
      retriesOnConflict: 1,
    });
    // A retried acceptance is answered from the event (and metadata) its first attempt stored.
    const [stored] = result.replayed?.events ?? result.events;
    if (stored?.type !== 'ResellerRelationshipAccepted')
      throw new Error(`Acceptance ${eventId} stored no ResellerRelationshipAccepted`);
    const metadata = result.replayed?.metadata ?? context;
    const accepted: AcceptedInvitationEvent = { eventId, data: stored.data, metadata };
    const applied = await this.consequences.apply(accepted);
    return AcceptanceView.of(accepted.data, applied.state, applied.position);
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
