import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ValidationFailed } from '../../../platform/errors/validation-failed.js';
import { AuditTreeService } from '../audit-tree.service.js';
import { base64Of } from '../base64-hash.js';
import type { ConsistencyProofView } from './consistency-proof.view.js';

/** The consistency proof between two tree sizes (`GET /v1/audit/proofs/consistency`). */
export class ProveConsistencyQuery extends Query<ConsistencyProofView> {
  constructor(
    readonly from: number,
    readonly to: number | undefined,
  ) {
    super();
  }
}

/**
 * Any two sizes up to the tree's own, signed here or not: an auditor's checkpoint may come from
 * another instance of the same log (each signs its own sizes, with the same key). `to`
 * defaults to the latest signed checkpoint, the one `GET /v1/audit/checkpoint` answers.
 */
@QueryHandler(ProveConsistencyQuery)
export class ProveConsistencyHandler implements IQueryHandler<
  ProveConsistencyQuery,
  ConsistencyProofView
> {
  constructor(private readonly audit: AuditTreeService) {}

  async execute({ from, to: asked }: ProveConsistencyQuery): Promise<ConsistencyProofView> {
    const { tree, checkpoints } = this.audit.opened();
    const size = tree.size();
    const to = asked ?? checkpoints.latest()?.treeSize ?? size;
    if (to > size) throw bad('to', `to must be at most the tree's size (${size})`);
    if (from > to) throw bad('from', `from must be at most to (${to})`);
    return { from, to, hashes: tree.consistencyProof(from, to).map(base64Of) };
  }
}

const bad = (field: string, message: string) => new ValidationFailed([{ field, message }]);
