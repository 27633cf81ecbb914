import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { CHECKPOINT_EXAMPLE } from '../audit.examples.js';
import { treeSizeOf } from '../tree-size.property.js';
import { GetCheckpointDto } from './get-checkpoint.dto.js';
import { GetCheckpointQuery } from './get-checkpoint.query.js';

/** `GET /v1/audit/checkpoint` (admin-agent, operator): a signed checkpoint of the audit tree. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class GetCheckpointController {
  constructor(private readonly queries: QueryBus) {}

  @Get('checkpoint')
  @Roles('admin-agent', 'operator')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: 'A signed checkpoint of the audit tree (C2SP signed note, Ed25519)',
    description:
      'The checkpoint body (origin, tree size in decimal, base64 root, one per line), a blank ' +
      'line and the signature line `— <key name> <base64 of key hash and signature>`, verifiable ' +
      'with the key of `GET /v1/audit/public-key`. Without `treeSize`, the latest signed: the ' +
      'tree is signed at most once per `AUDIT_CHECKPOINT_INTERVAL_MS` while it grows, so the ' +
      'latest may trail the newest events by that long (an inclusion proof of a newer event ' +
      'signs one that covers it). With `treeSize`, that checkpoint exactly as first handed out. ' +
      'Keep the notes you are given: a later consistency proof shows the log only grew since.',
  })
  @ApiProduces('text/plain')
  @ApiResponse({
    status: 200,
    description: 'The signed note',
    content: { 'text/plain': { schema: { type: 'string', example: CHECKPOINT_EXAMPLE } } },
  })
  @ApiProblems(400, 401, 403, 404, 503)
  get(@Query() query: GetCheckpointDto): Promise<string> {
    return this.queries.execute(new GetCheckpointQuery(treeSizeOf(query.treeSize)));
  }
}
