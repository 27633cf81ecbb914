import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import {
  ACTIVITY_LOG,
  ActivityLogEntryNotFound,
  activityLogEntryAt,
} from '@customer-workspace/read-models';
import { ValidationFailed } from '../../../platform/errors/validation-failed.js';
import { ReadModelsService } from '../../../platform/read-models/read-models.service.js';
import { AuditTreeService } from '../audit-tree.service.js';
import { base64Of } from '../base64-hash.js';
import type { InclusionProofView } from './inclusion-proof.view.js';

/** The inclusion proof of an entry of the caller's activity log (`GET /v1/audit/proofs/inclusion`). */
export class ProveInclusionQuery extends Query<InclusionProofView> {
  constructor(
    readonly position: bigint,
    readonly treeSize: number | undefined,
    readonly minPosition: bigint | undefined,
    readonly caller: Principal,
  ) {
    super();
  }
}

/**
 * Only for events in the caller's activity log: another partner's entry, or none, answers 404
 * alike (the proof would tell that an event is there). The tree is waited for up to the
 * entry's position (it follows the same log, normally milliseconds behind); without a
 * `treeSize`, the proof is against the latest signed checkpoint, and when that one is older
 * than the entry, against a checkpoint signed now, so the answer always matches a note that
 * `GET /v1/audit/checkpoint?treeSize=` hands out.
 */
@QueryHandler(ProveInclusionQuery)
export class ProveInclusionHandler implements IQueryHandler<
  ProveInclusionQuery,
  InclusionProofView
> {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly audit: AuditTreeService,
  ) {}

  async execute(query: ProveInclusionQuery): Promise<InclusionProofView> {
    const { position, caller } = query;
    this.audit.opened(); // without a tree: 503 before anything is looked up
    const runner = await this.readModels.caughtUp(ACTIVITY_LOG, query.minPosition);
    const entry = activityLogEntryAt(runner.reader(), caller.partnerId, position);
    if (entry === undefined) throw new ActivityLogEntryNotFound(position.toString());
    const ledger = await this.audit.covering(position);
    const leaf = ledger.tree.leafAt(position);
    if (leaf === undefined || leaf.eventId !== entry.eventId)
      throw new Error(`The audit tree holds no leaf of event ${entry.eventId} at ${position}`);
    const treeSize = query.treeSize ?? this.signedSizeCovering(leaf.leafIndex);
    const size = ledger.tree.size();
    if (treeSize > size) throw badTreeSize(`treeSize must be at most the tree's size (${size})`);
    if (treeSize <= leaf.leafIndex)
      throw badTreeSize(
        `treeSize must be more than the leaf's index (${leaf.leafIndex}): that tree does not hold it`,
      );
    return {
      leafIndex: leaf.leafIndex,
      treeSize,
      leafHash: base64Of(leaf.leafHash),
      hashes: ledger.tree.inclusionProof(leaf.leafIndex, treeSize).map(base64Of),
    };
  }

  /** The latest signed checkpoint's size, or that of one signed now when it is older than the leaf. */
  private signedSizeCovering(leafIndex: number): number {
    const ledger = this.audit.opened();
    const latest = ledger.checkpoints.latest();
    if (latest && latest.treeSize > leafIndex) return latest.treeSize;
    return ledger.signCheckpoint().treeSize;
  }
}

const badTreeSize = (message: string) => new ValidationFailed([{ field: 'treeSize', message }]);
