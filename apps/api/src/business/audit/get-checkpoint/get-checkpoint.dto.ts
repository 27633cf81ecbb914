import { TreeSizeProperty } from '../tree-size.property.js';

/** `GET /v1/audit/checkpoint` query: a past checkpoint by its tree size, or the latest. */
export class GetCheckpointDto {
  @TreeSizeProperty({
    description:
      'A checkpoint signed earlier, by its tree size (404 when none of that size was signed ' +
      'here); without it, the latest',
  })
  readonly treeSize?: string;
}
