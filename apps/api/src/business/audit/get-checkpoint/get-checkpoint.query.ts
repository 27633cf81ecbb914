import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditTreeService } from '../audit-tree.service.js';
import { CheckpointNotFound } from '../audit.errors.js';

/** A signed checkpoint note: the latest, or the one of `treeSize` (`GET /v1/audit/checkpoint`). */
export class GetCheckpointQuery extends Query<string> {
  constructor(readonly treeSize: number | undefined) {
    super();
  }
}

/**
 * Answers a checkpoint as it was signed and kept: the latest one (signed at most once per
 * `AUDIT_CHECKPOINT_INTERVAL_MS` while the tree grows, so it may trail the tree by that long),
 * or an earlier one by its size. Asking never signs: every note handed out is one the history
 * keeps, and the same size always answers the same bytes.
 */
@QueryHandler(GetCheckpointQuery)
export class GetCheckpointHandler implements IQueryHandler<GetCheckpointQuery, string> {
  constructor(private readonly audit: AuditTreeService) {}

  async execute({ treeSize }: GetCheckpointQuery): Promise<string> {
    const { checkpoints } = this.audit.opened();
    if (treeSize !== undefined) {
      const kept = checkpoints.at(treeSize);
      if (!kept) throw new CheckpointNotFound(treeSize);
      return kept.note;
    }
    // The follower signs one when it starts, so a running tree always has a latest.
    const latest = checkpoints.latest() ?? this.audit.opened().signCheckpoint();
    return latest.note;
  }
}
