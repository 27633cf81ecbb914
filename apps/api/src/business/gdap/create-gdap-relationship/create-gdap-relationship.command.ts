import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream, isVisibleTo } from '@customer-workspace/customers';
import { type CreateGdapRelationship, gdapRelationshipDecider } from '@customer-workspace/gdap';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { GdapCommandRunner } from '../gdap-command-runner.js';
import { GdapDisplayNames } from '../gdap-display-names.service.js';
import type { GdapRelationshipChangedView } from '../gdap-relationship.view.js';
import type { CreateGdapRelationshipDto } from './create-gdap-relationship.dto.js';

export class CreateGdapRelationshipCommand {
  constructor(
    readonly body: CreateGdapRelationshipDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Creates a relationship (docs/gdap.md, what the next part plugs into): decided on the empty
 * state first (pure, so a refusal reserves nothing), then the display name reserved in the
 * partner's index, then the relationship written; the name is released if that is refused.
 */
@CommandHandler(CreateGdapRelationshipCommand)
export class CreateGdapRelationshipHandler implements ICommandHandler<
  CreateGdapRelationshipCommand,
  GdapRelationshipChangedView
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly relationships: GdapCommandRunner,
    private readonly names: GdapDisplayNames,
  ) {}

  async execute({
    body,
    caller,
    request,
  }: CreateGdapRelationshipCommand): Promise<GdapRelationshipChangedView> {
    const relationshipId = request.newId('gdap-relationship');
    const { partnerId } = caller;
    const command: CreateGdapRelationship = {
      type: 'CreateGdapRelationship',
      data: {
        relationshipId,
        partnerId,
        ...body,
        customerVisibleToPartner:
          body.customerId === undefined ? undefined : await this.sees(partnerId, body.customerId),
        displayNameHeldBy: relationshipId,
        at: request.context.occurredAt,
      },
    };
    gdapRelationshipDecider.decide(command, gdapRelationshipDecider.initialState());
    await this.names.reserve(partnerId, relationshipId, body.displayName, request);
    try {
      return await this.relationships.answer(relationshipId, command, request);
    } catch (error) {
      await this.names.release(partnerId, relationshipId, body.displayName, request);
      throw error;
    }
  }

  private async sees(partnerId: string, customerId: string): Promise<boolean> {
    const { state } = await this.runner.load(customerDecider, customerStream(customerId));
    return isVisibleTo(state, partnerId);
  }
}
