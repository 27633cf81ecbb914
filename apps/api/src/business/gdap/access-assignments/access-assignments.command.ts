import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { GdapCommandRunner } from '../gdap-command-runner.js';
import type { CreateAccessAssignmentDto } from './access-assignment.dto.js';
import type { CreatedAccessAssignmentView } from './access-assignment.view.js';

export class CreateAccessAssignmentCommand {
  constructor(
    readonly relationshipId: string,
    readonly body: CreateAccessAssignmentDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

export class DeleteAccessAssignmentCommand {
  constructor(
    readonly relationshipId: string,
    readonly accessAssignmentId: string,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/** Grants a security group some of an active relationship's roles (a subset: others are named). */
@CommandHandler(CreateAccessAssignmentCommand)
export class CreateAccessAssignmentHandler implements ICommandHandler<
  CreateAccessAssignmentCommand,
  CreatedAccessAssignmentView
> {
  constructor(private readonly relationships: GdapCommandRunner) {}

  async execute({
    relationshipId,
    body,
    caller,
    request,
  }: CreateAccessAssignmentCommand): Promise<CreatedAccessAssignmentView> {
    const accessAssignmentId = request.newId('gdap-access-assignment');
    const result = await this.relationships.run(
      relationshipId,
      {
        type: 'CreateGdapAccessAssignment',
        data: {
          relationshipId,
          partnerId: caller.partnerId,
          accessAssignmentId,
          securityGroupId: body.securityGroupId,
          roles: body.roles,
          at: request.context.occurredAt,
        },
      },
      request,
    );
    const assignment =
      result.state.status === 'active'
        ? result.state.accessAssignments.get(accessAssignmentId)
        : undefined;
    if (assignment === undefined)
      throw new Error(`Access assignment ${accessAssignmentId} left no trace`);
    return {
      id: accessAssignmentId,
      securityGroupId: assignment.securityGroupId,
      roles: assignment.roles,
      status: 'active',
      createdDateTime: assignment.createdDateTime,
      position: result.position.toString(),
    };
  }
}

/** Withdraws an access assignment of an active relationship. */
@CommandHandler(DeleteAccessAssignmentCommand)
export class DeleteAccessAssignmentHandler implements ICommandHandler<
  DeleteAccessAssignmentCommand,
  void
> {
  constructor(private readonly relationships: GdapCommandRunner) {}

  async execute({
    relationshipId,
    accessAssignmentId,
    caller,
    request,
  }: DeleteAccessAssignmentCommand): Promise<void> {
    await this.relationships.run(
      relationshipId,
      {
        type: 'DeleteGdapAccessAssignment',
        data: {
          relationshipId,
          partnerId: caller.partnerId,
          accessAssignmentId,
          at: request.context.occurredAt,
        },
      },
      request,
    );
  }
}
