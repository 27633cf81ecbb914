import { ApiProperty } from '@nestjs/swagger';
import { HASH_EXAMPLE } from '../audit.examples.js';

/** An RFC 9162 consistency proof: the tree of `from` leaves is a prefix of the tree of `to`. */
export class ConsistencyProofView {
  @ApiProperty({ example: 40 }) readonly from!: number;
  @ApiProperty({ example: 42 }) readonly to!: number;
  @ApiProperty({
    type: [String],
    description:
      'The consistency proof (RFC 9162 2.1.4), each hash base64; empty when `from` is 0 or `to`',
    example: [HASH_EXAMPLE],
  })
  readonly hashes!: string[];
}
