import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@customer-workspace/auth';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { minPositionOf } from '../../../platform/read-models/min-position.dto.js';
import { treeSizeOf } from '../tree-size.property.js';
import { InclusionProofView } from './inclusion-proof.view.js';
import { ProveInclusionDto } from './prove-inclusion.dto.js';
import { ProveInclusionQuery } from './prove-inclusion.query.js';

/** `GET /v1/audit/proofs/inclusion` (admin-agent): an activity-log entry's event is in the tree. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/proofs')
export class ProveInclusionController {
  constructor(private readonly queries: QueryBus) {}

  @Get('inclusion')
  @Roles('admin-agent')
  @ApiOperation({
    summary: 'Proof that the event of an activity-log entry is in the audit tree',
    description:
      'Only for entries of the caller’s activity log: another partner’s position, or one ' +
      'with no entry, answers 404 alike. Hash the stored event (RFC 8785 bytes, `0x00` in ' +
      'front, SHA-256) and fold `hashes` into it as RFC 9162 2.1.3.2 says: the result is the ' +
      'root of the checkpoint of `treeSize`. Without `treeSize`, the latest signed checkpoint ' +
      '(or one signed now, when the entry is newer than it). A `treeSize` that does not hold ' +
      'the leaf or is larger than the tree answers 400 naming it; 503 `read-model-behind` ' +
      'when the tree has not reached the entry in time.',
  })
  @ApiOkResponse({ type: InclusionProofView })
  @ApiProblems(400, 401, 403, 404, 503)
  prove(
    @Query() query: ProveInclusionDto,
    @Caller() caller: Principal,
  ): Promise<InclusionProofView> {
    return this.queries.execute(
      new ProveInclusionQuery(
        BigInt(query.position),
        treeSizeOf(query.treeSize),
        minPositionOf(query),
        caller,
      ),
    );
  }
}
