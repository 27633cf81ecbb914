import { Module } from '@nestjs/common';
import { AccessAssignmentsController } from './access-assignments/access-assignments.controller.js';
import {
  CreateAccessAssignmentHandler,
  DeleteAccessAssignmentHandler,
} from './access-assignments/access-assignments.command.js';
import { ApproveGdapRelationshipController } from './approve-gdap-relationship/approve-gdap-relationship.controller.js';
import { ApproveGdapRelationshipHandler } from './approve-gdap-relationship/approve-gdap-relationship.command.js';
import { GdapBulkController } from './bulk/bulk.controller.js';
import { GdapBulkHandler } from './bulk/bulk.command.js';
import { CreateGdapRelationshipController } from './create-gdap-relationship/create-gdap-relationship.controller.js';
import { CreateGdapRelationshipHandler } from './create-gdap-relationship/create-gdap-relationship.command.js';
import { GdapCommandRunner } from './gdap-command-runner.js';
import { GdapDisplayNames } from './gdap-display-names.service.js';
import { GdapReadModel } from './gdap-read-model.js';
import { GdapRequestController } from './gdap-requests/gdap-request.controller.js';
import { GdapRequestHandler } from './gdap-requests/gdap-request.command.js';
import { GetGdapRelationshipController } from './get-gdap-relationship/get-gdap-relationship.controller.js';
import { ListGdapRelationshipsController } from './list-gdap-relationships/list-gdap-relationships.controller.js';
import { ListGdapRelationshipsHandler } from './list-gdap-relationships/list-gdap-relationships.query.js';
import { GdapTransitionsProcess } from './transitions/gdap-transitions.process.js';
import { UpdateGdapRelationshipController } from './update-gdap-relationship/update-gdap-relationship.controller.js';
import { UpdateGdapRelationshipHandler } from './update-gdap-relationship/update-gdap-relationship.command.js';

/**
 * GDAP relationships (docs/gdap.md): create, list, read, edit, lock for approval, approve,
 * terminate, access assignments, bulk actions, and the process recording their expiries and
 * auto-extensions. The bulk route is declared before `:id` routes of the same method.
 */
@Module({
  controllers: [
    GdapBulkController,
    CreateGdapRelationshipController,
    ListGdapRelationshipsController,
    GetGdapRelationshipController,
    UpdateGdapRelationshipController,
    GdapRequestController,
    ApproveGdapRelationshipController,
    AccessAssignmentsController,
  ],
  providers: [
    GdapCommandRunner,
    GdapDisplayNames,
    GdapReadModel,
    CreateGdapRelationshipHandler,
    ListGdapRelationshipsHandler,
    UpdateGdapRelationshipHandler,
    GdapRequestHandler,
    ApproveGdapRelationshipHandler,
    CreateAccessAssignmentHandler,
    DeleteAccessAssignmentHandler,
    GdapBulkHandler,
    GdapTransitionsProcess,
  ],
  exports: [GdapReadModel],
})
export class GdapModule {}
