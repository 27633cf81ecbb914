import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUTO_EXTENSION, type GdapRelationshipCommand } from '@customer-workspace/gdap';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { toProblemDetails } from '../../../platform/errors/problem-details.js';
import { GdapCommandRunner } from '../gdap-command-runner.js';
import type { GdapBulkAction, GdapBulkDto } from './bulk.dto.js';
import type { GdapBulkItemView, GdapBulkView } from './bulk.view.js';

export class GdapBulkCommand {
  constructor(
    readonly body: GdapBulkDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * One command per relationship, one after the other, each decided on its own: a refusal is
 * that item's problem (another partner's relationship is not found, as on its own route) and
 * never stops the others.
 */
@CommandHandler(GdapBulkCommand)
export class GdapBulkHandler implements ICommandHandler<GdapBulkCommand, GdapBulkView> {
  constructor(private readonly relationships: GdapCommandRunner) {}

  async execute({ body, caller, request }: GdapBulkCommand): Promise<GdapBulkView> {
    const items: GdapBulkItemView[] = [];
    for (const id of body.relationshipIds)
      items.push(await this.item(id, body.action, caller, request));
    const done = items.filter((item) => item.position !== undefined);
    const highest = done
      .map((item) => BigInt(item.position!))
      .reduce((a, b) => (a > b ? a : b), -1n);
    return {
      items,
      succeeded: done.length,
      failed: items.length - done.length,
      position: highest < 0n ? null : highest.toString(),
    };
  }

  private async item(
    relationshipId: string,
    action: GdapBulkAction,
    caller: Principal,
    request: RequestContext,
  ): Promise<GdapBulkItemView> {
    const data = { relationshipId, partnerId: caller.partnerId, at: request.context.occurredAt };
    const command: GdapRelationshipCommand =
      action === 'terminate'
        ? { type: 'TerminateGdapRelationship', data }
        : { type: 'UpdateGdapRelationship', data: { ...data, autoExtendDuration: AUTO_EXTENSION } };
    try {
      const { position, ...relationship } = await this.relationships.answer(
        relationshipId,
        command,
        request,
      );
      return { id: relationshipId, status: 200, relationship, position };
    } catch (error) {
      const problem = toProblemDetails(error);
      if (problem.status >= 500) throw error;
      return { id: relationshipId, status: problem.status, problem };
    }
  }
}
