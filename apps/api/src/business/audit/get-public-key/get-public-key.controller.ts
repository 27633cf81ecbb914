import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { PUBLIC_KEY_PEM_EXAMPLE, VERIFIER_KEY_EXAMPLE } from '../audit.examples.js';
import { AuditTreeService } from '../audit-tree.service.js';
import { GetPublicKeyDto } from './get-public-key.dto.js';

/** `GET /v1/audit/public-key` (no token): the key that signs the audit checkpoints. */
@ApiTags('audit')
@Controller('v1/audit')
export class GetPublicKeyController {
  constructor(private readonly audit: AuditTreeService) {}

  @Get('public-key')
  @Public()
  @ApiOperation({
    summary: 'The Ed25519 public key that signs the audit checkpoints',
    description:
      'Open to anyone: an auditor needs it to verify checkpoints offline. PEM by default ' +
      '(`application/x-pem-file`); `?format=note` answers the C2SP verifier key ' +
      '`<name>+<hash>+<key>` as `text/plain` (its name is the checkpoints’ origin and the name ' +
      'on their signature line). Obtain it once, over a channel you trust, and keep it.',
  })
  @ApiProduces('application/x-pem-file', 'text/plain')
  @ApiResponse({
    status: 200,
    description: 'The key',
    content: {
      'application/x-pem-file': { schema: { type: 'string', example: PUBLIC_KEY_PEM_EXAMPLE } },
      'text/plain': { schema: { type: 'string', example: VERIFIER_KEY_EXAMPLE } },
    },
  })
  @ApiProblems(400, 503)
  get(@Query() query: GetPublicKeyDto, @Res({ passthrough: true }) reply: FastifyReply): string {
    const { signer } = this.audit.opened();
    if (query.format === 'note') {
      void reply.header('Content-Type', 'text/plain; charset=utf-8');
      return `${signer.verifierKey}\n`;
    }
    void reply.header('Content-Type', 'application/x-pem-file');
    return signer.publicKeyPem;
  }
}
