import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import {
  isGlobalPosition,
  MinPositionProperty,
} from '../../../platform/read-models/min-position.dto.js';
import { TreeSizeProperty } from '../tree-size.property.js';

/** `GET /v1/audit/proofs/inclusion` query. */
export class ProveInclusionDto {
  @ApiProperty({
    type: String,
    description: 'The global position of an entry of the caller’s activity log (a decimal string)',
    example: '42',
  })
  @ValidateBy({
    name: 'isGlobalPosition',
    validator: {
      validate: isGlobalPosition,
      defaultMessage: () => 'position must be a global position (a decimal string)',
    },
  })
  readonly position!: string;

  @TreeSizeProperty({
    description:
      'The size of the tree to prove inclusion in (the tree size of the checkpoint you hold; ' +
      'more than the leaf’s index, at most the tree’s size); default: the latest signed ' +
      'checkpoint, or a new one when that does not cover the leaf yet',
  })
  readonly treeSize?: string;

  @MinPositionProperty(
    'Wait (bounded) until the activity log has applied this global position (the `position` ' +
      'of a command answer) before looking the entry up; 503 `read-model-behind` when it does ' +
      'not catch up in time.',
  )
  readonly minPosition?: string;
}
