import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { treeSizeOf } from '../tree-size.property.js';
import { ConsistencyProofView } from './consistency-proof.view.js';
import { ProveConsistencyDto } from './prove-consistency.dto.js';
import { ProveConsistencyQuery } from './prove-consistency.query.js';

/** `GET /v1/audit/proofs/consistency` (admin-agent, operator): the log only grew between two sizes. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/proofs')
export class ProveConsistencyController {
  constructor(private readonly queries: QueryBus) {}

  @Get('consistency')
  @Roles('admin-agent', 'operator')
  @ApiOperation({
    summary: 'Proof that the audit tree of `from` leaves is a prefix of the tree of `to`',
    description:
      'Verify it as RFC 9162 2.1.4.2 says, with the roots of the two checkpoints: when it ' +
      'holds, no event up to `from` was edited, removed or reordered since the older ' +
      'checkpoint was signed. `to` defaults to the latest signed checkpoint. Sizes that are ' +
      'not non-negative integers, `from` above `to`, or `to` above the tree’s size answer 400 ' +
      'naming the parameter.',
  })
  @ApiOkResponse({ type: ConsistencyProofView })
  @ApiProblems(400, 401, 403, 503)
  prove(@Query() query: ProveConsistencyDto): Promise<ConsistencyProofView> {
    return this.queries.execute(
      new ProveConsistencyQuery(Number(query.from), treeSizeOf(query.to)),
    );
  }
}
