import { ApiProperty } from '@nestjs/swagger';
import { HASH_EXAMPLE } from '../audit.examples.js';

/** An RFC 9162 inclusion proof of one event's leaf in the tree of `treeSize` leaves. */
export class InclusionProofView {
  @ApiProperty({ description: 'The event’s leaf index (its place in global order)', example: 41 })
  readonly leafIndex!: number;
  @ApiProperty({ description: 'The tree size the proof leads to the root of', example: 42 })
  readonly treeSize!: number;
  @ApiProperty({
    description: 'SHA-256(0x00 ‖ RFC 8785 bytes of the stored event), base64',
    example: HASH_EXAMPLE,
  })
  readonly leafHash!: string;
  @ApiProperty({
    type: [String],
    description: 'The audit path, leaf to root (RFC 9162 2.1.3), each hash base64',
    example: [HASH_EXAMPLE],
  })
  readonly hashes!: string[];
}
