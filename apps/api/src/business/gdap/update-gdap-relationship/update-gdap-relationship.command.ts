import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  displayNameKey,
  GdapRelationshipNotFound,
  type UpdateGdapRelationship,
} from '@customer-workspace/gdap';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { GdapCommandRunner } from '../gdap-command-runner.js';
import { GdapDisplayNames } from '../gdap-display-names.service.js';
import type { GdapRelationshipChangedView } from '../gdap-relationship.view.js';
import type { UpdateGdapRelationshipDto } from './update-gdap-relationship.dto.js';

export class UpdateGdapRelationshipCommand {
  constructor(
    readonly relationshipId: string,
    readonly changes: UpdateGdapRelationshipDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Changes a relationship's settings. A rename reserves the new name first, updates, then
 * releases the old one (docs/gdap.md); a refused update gives the new name back.
 */
@CommandHandler(UpdateGdapRelationshipCommand)
export class UpdateGdapRelationshipHandler implements ICommandHandler<
  UpdateGdapRelationshipCommand,
  GdapRelationshipChangedView
> {
  constructor(
    private readonly relationships: GdapCommandRunner,
    private readonly names: GdapDisplayNames,
  ) {}

  async execute({
    relationshipId,
    changes,
    caller,
    request,
  }: UpdateGdapRelationshipCommand): Promise<GdapRelationshipChangedView> {
    const { partnerId } = caller;
    const command: UpdateGdapRelationship = {
      type: 'UpdateGdapRelationship',
      data: { relationshipId, partnerId, ...changes, at: request.context.occurredAt },
    };
    const { displayName } = changes;
    if (displayName === undefined)
      return this.relationships.answer(relationshipId, command, request);
    // Past this point the relationship holds the name it is given (or already bore it).
    const holding = { ...command, data: { ...command.data, displayNameHeldBy: relationshipId } };
    const renamedFrom = await this.renamedFrom(relationshipId, partnerId, displayName);
    if (renamedFrom === undefined)
      return this.relationships.answer(relationshipId, holding, request);
    await this.names.reserve(partnerId, relationshipId, displayName, request);
    let answer: GdapRelationshipChangedView;
    try {
      answer = await this.relationships.answer(relationshipId, holding, request);
    } catch (error) {
      await this.names.release(partnerId, relationshipId, displayName, request);
      throw error;
    }
    await this.names.release(partnerId, relationshipId, renamedFrom, request);
    return answer;
  }

  /** The current name, when the request gives the relationship another one (not only its case). */
  private async renamedFrom(
    relationshipId: string,
    partnerId: string,
    displayName: string,
  ): Promise<string | undefined> {
    const { state } = await this.relationships.load(relationshipId);
    if (state.status === 'none' || state.relationship.partnerId !== partnerId)
      throw new GdapRelationshipNotFound(relationshipId);
    const current = state.relationship.displayName;
    return displayNameKey(current) === displayNameKey(displayName) ? undefined : current;
  }
}
