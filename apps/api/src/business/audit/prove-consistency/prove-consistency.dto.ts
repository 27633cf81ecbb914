import { TreeSizeProperty } from '../tree-size.property.js';

/** `GET /v1/audit/proofs/consistency` query: two tree sizes. */
export class ProveConsistencyDto {
  @TreeSizeProperty({
    required: true,
    description: 'The tree size of the older checkpoint (the one you hold)',
  })
  readonly from!: string;

  @TreeSizeProperty({
    description:
      'The tree size of the newer checkpoint, at least `from` and at most the tree’s size; ' +
      'default: the latest signed checkpoint',
  })
  readonly to?: string;
}
