import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../../platform/auth/auth.decorators.js';
import { Clock } from '../../../platform/clock/clock.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { ApproveGdapRelationshipCommand } from './approve-gdap-relationship.command.js';
import { ApproveGdapRelationshipDto } from './approve-gdap-relationship.dto.js';
import { GdapApprovalView } from './gdap-approval.view.js';

/** `POST /v1/gdap-relationships/{id}/approval` (no sign-in: the token). */
@ApiTags('gdap')
@Controller('v1/gdap-relationships')
export class ApproveGdapRelationshipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post(':id/approval')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The customer’s admin approves with the token of the approval URL',
    description:
      'Activates the relationship: endDateTime = activation + duration. A wrong token answers ' +
      '404 (as an unknown relationship: nothing is revealed); the token that approved, an ' +
      'approval request past its 90 days or a terminated relationship 410; another customer ' +
      'than the one named 422.',
  })
  @ApiOkResponse({ type: GdapApprovalView })
  @ApiProblems(400, 404, 410, 422)
  approve(
    @Param('id') id: string,
    @Body() body: ApproveGdapRelationshipDto,
    @Req() request: FastifyRequest,
  ): Promise<GdapApprovalView> {
    return this.commands.execute(
      new ApproveGdapRelationshipCommand(id, body, request.id, this.clock.now()),
    );
  }
}
