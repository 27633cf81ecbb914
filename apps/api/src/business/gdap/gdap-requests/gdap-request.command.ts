import { ConfigService } from '@nestjs/config';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import type { AppConfig } from '@customer-workspace/config';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { newInvitationSecret } from '../../relationships/invitation-token.js';
import { GdapCommandRunner } from '../gdap-command-runner.js';
import { GdapApprovalUrlLost } from './approval-url-lost.error.js';
import type { GdapRequestAction } from './gdap-request.dto.js';
import type { GdapRequestView } from './gdap-request.view.js';

export class GdapRequestCommand {
  constructor(
    readonly relationshipId: string,
    readonly action: GdapRequestAction,
    readonly caller: Principal,
    readonly request: RequestContext,
    /** Origin of the api as the caller reached it; used when `PUBLIC_BASE_URL` is not set. */
    readonly requestOrigin: string,
  ) {}
}

/** `{base}/gdap-relationships/{id}/approval?token={secret}`: the secret is the `token` parameter. */
export function approvalUrl(base: string, relationshipId: string, token: string): string {
  const origin = base.replace(/\/+$/, '');
  return `${origin}/gdap-relationships/${encodeURIComponent(relationshipId)}/approval?token=${encodeURIComponent(token)}`;
}

/**
 * The partner's relationship requests: `lockForApproval` draws the approval token (the event
 * keeps only its SHA-256) and answers the URL carrying it; `terminate` ends the relationship.
 */
@CommandHandler(GdapRequestCommand)
export class GdapRequestHandler implements ICommandHandler<GdapRequestCommand, GdapRequestView> {
  constructor(
    private readonly relationships: GdapCommandRunner,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async execute(command: GdapRequestCommand): Promise<GdapRequestView> {
    const { relationshipId, action, caller, request } = command;
    const data = { relationshipId, partnerId: caller.partnerId, at: request.context.occurredAt };
    if (action === 'terminate') {
      const terminate = { type: 'TerminateGdapRelationship' as const, data };
      return { ...(await this.relationships.answer(relationshipId, terminate, request)), action };
    }
    const secret = newInvitationSecret();
    const lock = {
      type: 'LockGdapRelationshipForApproval' as const,
      data: { ...data, tokenHash: secret.tokenHash },
    };
    const result = await this.relationships.run(relationshipId, lock, request);
    // Only the token's hash was stored: a retry cannot be answered with the first URL.
    if (result.replayed) throw new GdapApprovalUrlLost(relationshipId);
    const base = this.config.get('PUBLIC_BASE_URL', { infer: true }) ?? command.requestOrigin;
    return {
      ...this.relationships.viewOf(relationshipId, result, data.at),
      action,
      approvalUrl: approvalUrl(base, relationshipId, secret.token),
    };
  }
}
