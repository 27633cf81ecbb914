import { AppError } from '@customer-workspace/kernel';

/** This instance runs without the audit tree (`AUDIT_TREE=off`): 503, nothing to prove here. */
export class AuditTreeOff extends AppError {
  readonly kind = 'unavailable';
  constructor() {
    super(
      'audit-tree-off',
      'This instance keeps no audit tree (AUDIT_TREE=off): checkpoints, proofs and the ' +
        'signing key are served by instances that keep it.',
    );
  }
}

/** `GET /v1/audit/checkpoint?treeSize=N` when no checkpoint of that size was signed here. */
export class CheckpointNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly treeSize: number) {
    super('checkpoint-not-found', `No checkpoint of tree size ${treeSize} was signed here`);
  }
}
