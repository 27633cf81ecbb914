import { Module } from '@nestjs/common';
import { AuditTreeService } from './audit-tree.service.js';
import { GetCheckpointController } from './get-checkpoint/get-checkpoint.controller.js';
import { GetCheckpointHandler } from './get-checkpoint/get-checkpoint.query.js';
import { GetPublicKeyController } from './get-public-key/get-public-key.controller.js';
import { ProveConsistencyController } from './prove-consistency/prove-consistency.controller.js';
import { ProveConsistencyHandler } from './prove-consistency/prove-consistency.query.js';
import { ProveInclusionController } from './prove-inclusion/prove-inclusion.controller.js';
import { ProveInclusionHandler } from './prove-inclusion/prove-inclusion.query.js';

/**
 * Tamper evidence (docs/product.md rule 7): the audit tree kept by this process, its signed
 * checkpoints, the public key and the proofs. `AuditTreeService` is exported for the activity
 * log, whose entries carry their leaves.
 */
@Module({
  controllers: [
    GetCheckpointController,
    GetPublicKeyController,
    ProveInclusionController,
    ProveConsistencyController,
  ],
  providers: [
    AuditTreeService,
    GetCheckpointHandler,
    ProveInclusionHandler,
    ProveConsistencyHandler,
  ],
  exports: [AuditTreeService],
})
export class AuditModule {}
