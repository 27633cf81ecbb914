import { Injectable } from '@nestjs/common';
import {
  type GdapRelationshipCommand,
  gdapRelationshipDecider,
  type GdapRelationshipEvent,
  type GdapRelationshipState,
  gdapRelationshipStream,
} from '@customer-workspace/gdap';
import {
  type CommandResult,
  CommandRunner,
  type EventIdSource,
} from '@customer-workspace/event-store';
import type { RequestContext } from '../../platform/commands/command-context.js';
import { deterministicUuid } from '../../platform/idempotency/fingerprint.js';
import {
  GdapRelationshipChangedView,
  GdapRelationshipView,
  itemOfState,
} from './gdap-relationship.view.js';

/**
 * The event ids of one of a request's several commands (`label`: its stream, and what it does
 * there): with an `Idempotency-Key`, derived from it and the label (event ids are unique
 * across the store), otherwise random.
 */
export function commandEventIds(request: RequestContext, label: string): EventIdSource | undefined {
  const { eventId } = request;
  return eventId && ((index) => deterministicUuid(`${eventId(index)}/${label}`));
}

/** Runs the commands of `gdapRelationship-<id>` streams for HTTP requests, and their answers. */
@Injectable()
export class GdapCommandRunner {
  constructor(readonly runner: CommandRunner) {}

  run(
    relationshipId: string,
    command: GdapRelationshipCommand,
    request: RequestContext,
  ): Promise<CommandResult<GdapRelationshipState, GdapRelationshipEvent>> {
    const streamId = gdapRelationshipStream(relationshipId);
    return this.runner.run({
      decider: gdapRelationshipDecider,
      streamId,
      command,
      context: request.context,
      eventId: commandEventIds(request, `${streamId}/${command.type}`),
    });
  }

  /** Runs the command and answers the relationship it left with the command's position. */
  async answer(
    relationshipId: string,
    command: GdapRelationshipCommand,
    request: RequestContext,
  ): Promise<GdapRelationshipChangedView> {
    const result = await this.run(relationshipId, command, request);
    return this.viewOf(relationshipId, result, request.context.occurredAt);
  }

  viewOf(
    relationshipId: string,
    result: CommandResult<GdapRelationshipState, GdapRelationshipEvent>,
    at: string,
  ): GdapRelationshipChangedView {
    const item = itemOfState(result.state, relationshipId, at);
    return { ...GdapRelationshipView.of(item), position: result.position.toString() };
  }

  load(relationshipId: string) {
    return this.runner.load(gdapRelationshipDecider, gdapRelationshipStream(relationshipId));
  }
}
