import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ApproveGdapRelationship, GdapApprovalTokenInvalid } from '@customer-workspace/gdap';
import type { CommandContext } from '@customer-workspace/event-store';
import { hashInvitationToken } from '../../relationships/invitation-token.js';
import { GdapCommandRunner } from '../gdap-command-runner.js';
import type { ApproveGdapRelationshipDto } from './approve-gdap-relationship.dto.js';
import type { GdapApprovalView } from './gdap-approval.view.js';

export class ApproveGdapRelationshipCommand {
  constructor(
    readonly relationshipId: string,
    readonly body: ApproveGdapRelationshipDto,
    readonly correlationId: string,
    readonly now: Date,
  ) {}
}

/**
 * The customer's admin approves with the token of the approval URL (no sign-in: the token is
 * the proof). A wrong token, or a relationship that does not exist, answers 404 alike; a used
 * token (approved already), an expired request or a withdrawn relationship 410. Event ids are
 * random: a second approval with the token that approved is no retry of the first, it is gone.
 */
@CommandHandler(ApproveGdapRelationshipCommand)
export class ApproveGdapRelationshipHandler implements ICommandHandler<
  ApproveGdapRelationshipCommand,
  GdapApprovalView
> {
  constructor(private readonly relationships: GdapCommandRunner) {}

  async execute({
    relationshipId,
    body,
    correlationId,
    now,
  }: ApproveGdapRelationshipCommand): Promise<GdapApprovalView> {
    const { state } = await this.relationships.load(relationshipId);
    if (state.status === 'none') throw new GdapApprovalTokenInvalid(relationshipId);
    const at = now.toISOString();
    const command: ApproveGdapRelationship = {
      type: 'ApproveGdapRelationship',
      data: {
        relationshipId,
        tokenHash: hashInvitationToken(body.token),
        at,
        ...(body.customerId !== undefined && { customerId: body.customerId }),
      },
    };
    const customerId = state.relationship.customerId ?? body.customerId ?? '';
    const context: CommandContext = {
      correlationId,
      causationId: correlationId,
      actor: { userId: customerId, upn: customerId, role: 'customer' },
      partnerId: state.relationship.partnerId,
      ...(customerId !== '' && { customerId }),
      occurredAt: at,
    };
    const result = await this.relationships.run(relationshipId, command, {
      context,
      newId: () => '',
    });
    const approved = result.events.find((event) => event.type === 'GdapRelationshipApproved');
    if (approved?.type !== 'GdapRelationshipApproved')
      throw new Error(`Approving ${relationshipId} stored no GdapRelationshipApproved`);
    const { activatedDateTime, endDateTime } = approved.data;
    return {
      id: relationshipId,
      status: 'active',
      activatedDateTime,
      endDateTime,
      position: result.position.toString(),
    };
  }
}
