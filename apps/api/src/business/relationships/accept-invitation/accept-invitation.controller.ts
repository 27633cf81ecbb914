import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../../platform/auth/auth.decorators.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import { InvitationIdPipe } from '../invitation-id.pipe.js';
import { AcceptInvitationCommand } from './accept-invitation.command.js';
import { AcceptInvitationDto } from './accept-invitation.dto.js';
import { AcceptanceView } from './acceptance.view.js';

@ApiTags('relationships')
@Controller('v1/relationship-requests')
export class AcceptInvitationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/acceptance')
  @Public()
  @ApiOperation({
    summary: 'Accept an invitation with the token of its URL (no sign-in: the token is the proof)',
    description:
      'Establishes the relationship(s), with DAP if the invitation asked for it. A wrong token ' +
      'answers 404; a used, revoked or expired invitation 410; a targeted invitation accepted ' +
      'by another customer 422.',
  })
  @ApiCreatedResponse({ type: AcceptanceView })
  @ApiProblems(400, 404, 410, 422)
  accept(
    @Param('id', InvitationIdPipe) id: string,
    @Body() body: AcceptInvitationDto,
    @Req() request: FastifyRequest,
  ): Promise<AcceptanceView> {
    return this.commands.execute(new AcceptInvitationCommand(id, body, request.id, new Date()));
  }
}
