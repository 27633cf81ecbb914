import { Module } from '@nestjs/common';
import { AcceptanceConsequences } from './acceptance-consequences.js';
import { AcceptInvitationController } from './accept-invitation/accept-invitation.controller.js';
import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.command.js';
import { InvitationAcceptanceProcess } from './invitation-acceptance.process.js';
import { InviteResellerController } from './invite-reseller/invite-reseller.controller.js';
import { InviteResellerHandler } from './invite-reseller/invite-reseller.command.js';
import { ListInvitationsController } from './list-invitations/list-invitations.controller.js';
import { ListInvitationsHandler } from './list-invitations/list-invitations.query.js';
import { RemoveRelationshipController } from './remove-relationship/remove-relationship.controller.js';
import { RemoveRelationshipHandler } from './remove-relationship/remove-relationship.command.js';
import { RevokeInvitationController } from './revoke-invitation/revoke-invitation.controller.js';
import { RevokeInvitationHandler } from './revoke-invitation/revoke-invitation.command.js';

/**
 * Reseller relationships: invitations (request, list, revoke, accept), the process manager
 * that completes accepted invitations, and relationship removal.
 */
@Module({
  controllers: [
    InviteResellerController,
    ListInvitationsController,
    RevokeInvitationController,
    AcceptInvitationController,
    RemoveRelationshipController,
  ],
  providers: [
    InviteResellerHandler,
    ListInvitationsHandler,
    RevokeInvitationHandler,
    AcceptInvitationHandler,
    AcceptanceConsequences,
    InvitationAcceptanceProcess,
    RemoveRelationshipHandler,
  ],
})
export class RelationshipsModule {}
