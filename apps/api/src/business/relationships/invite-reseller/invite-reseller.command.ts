import { ConfigService } from '@nestjs/config';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  customerStream,
  invitationDecider,
  invitationEmail,
  invitationStream,
  isVisibleTo,
  knownPartner,
  partnerDecider,
  partnerStream,
  type RegisteredPartner,
  type RequestResellerRelationship,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { AppConfig } from '@customer-workspace/config';
import { newInvitationSecret } from '../invitation-token.js';
import { acceptanceUrl } from './acceptance-url.js';
import { InvitationSecretLost } from './invitation-secret-lost.error.js';
import type { InvitationDraftView } from './invitation-draft.view.js';
import type { InviteResellerDto } from './invite-reseller.dto.js';

export class InviteResellerCommand {
  constructor(
    readonly body: InviteResellerDto,
    readonly caller: Principal,
    readonly request: RequestContext,
    /** Origin of the api as the caller reached it; used when `PUBLIC_BASE_URL` is not set. */
    readonly requestOrigin: string,
  ) {}
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Requests a reseller relationship: fills in what the decider needs from the partner's and the
 * customer's streams, keeps only the token's hash in the event, writes the email draft.
 */
@CommandHandler(InviteResellerCommand)
export class InviteResellerHandler implements ICommandHandler<
  InviteResellerCommand,
  InvitationDraftView
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async execute({
    body,
    caller,
    request,
    requestOrigin,
  }: InviteResellerCommand): Promise<InvitationDraftView> {
    const partner = await this.partner(caller.partnerId);
    const invitationId = request.newId('invitation');
    const secret = newInvitationSecret();
    const command = await this.command(body, partner, invitationId, secret.tokenHash, request);
    const streamId = invitationStream(invitationId);
    const base = this.config.get('PUBLIC_BASE_URL', { infer: true }) ?? requestOrigin;
    return this.runner.answer(
      { decider: invitationDecider, streamId, command, ...request },
      ({ replayed }) => {
        // Only the token's hash was stored: a retry cannot be answered with the first URL.
        if (replayed) throw new InvitationSecretLost(invitationId);
        return this.draft(command, partner, acceptanceUrl(base, invitationId, secret.token));
      },
    );
  }

  private draft(
    command: RequestResellerRelationship,
    partner: RegisteredPartner,
    url: string,
  ): Omit<InvitationDraftView, 'position'> {
    const { invitationId, language, includeDelegatedAdmin, expiresAt } = command.data;
    return {
      id: invitationId,
      url,
      email: invitationEmail({
        language,
        partnerName: partner.name,
        url,
        includeDelegatedAdmin,
        expiresAt,
      }),
      expiresAt,
    };
  }

  private async command(
    body: InviteResellerDto,
    partner: RegisteredPartner,
    invitationId: string,
    tokenHash: string,
    request: RequestContext,
  ): Promise<RequestResellerRelationship> {
    const requestedAt = request.context.occurredAt;
    const ttlDays = this.config.get('INVITATION_TTL_DAYS', { infer: true });
    const { customerId, indirectProviderId } = body;
    return {
      type: 'RequestResellerRelationship',
      data: {
        invitationId,
        partnerId: partner.partnerId,
        partnerPrograms: partner.programs,
        partnerIndirectProviderId: partner.indirectProviderId,
        customerId,
        customerVisibleToPartner:
          customerId === undefined ? undefined : await this.sees(partner.partnerId, customerId),
        indirectProviderId,
        includeDelegatedAdmin: body.includeDelegatedAdmin,
        language: body.language ?? partner.defaultLanguage,
        tokenHash,
        requestedAt,
        expiresAt: new Date(Date.parse(requestedAt) + ttlDays * DAY_MS).toISOString(),
      },
    };
  }

  private async partner(partnerId: string): Promise<RegisteredPartner> {
    const { state } = await this.runner.load(partnerDecider, partnerStream(partnerId));
    return knownPartner(state, partnerId);
  }

  private async sees(partnerId: string, customerId: string): Promise<boolean> {
    const { state } = await this.runner.load(customerDecider, customerStream(customerId));
    return isVisibleTo(state, partnerId);
  }
}
