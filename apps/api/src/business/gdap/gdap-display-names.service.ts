import { Injectable } from '@nestjs/common';
import {
  gdapDisplayNameHolder,
  GdapDisplayNameTaken,
  gdapDisplayNamesDecider,
  gdapDisplayNamesStream,
  type ReserveGdapDisplayName,
} from '@customer-workspace/gdap';
import { CommandRunner } from '@customer-workspace/event-store';
import type { RequestContext } from '../../platform/commands/command-context.js';
import { commandEventIds, GdapCommandRunner } from './gdap-command-runner.js';

/**
 * The partner's display-name index (docs/gdap.md, display names): a creation or a rename
 * reserves the name there first; a name held by a reservation whose relationship never took
 * it is taken over once its grace period is over (the holder is looked at, and named in the
 * command, only when the name is taken).
 */
@Injectable()
export class GdapDisplayNames {
  constructor(
    private readonly runner: CommandRunner,
    private readonly relationships: GdapCommandRunner,
  ) {}

  /** Reserves `displayName` for the relationship; throws `gdap-display-name-taken` otherwise. */
  async reserve(
    partnerId: string,
    relationshipId: string,
    displayName: string,
    request: RequestContext,
  ): Promise<void> {
    const command: ReserveGdapDisplayName = {
      type: 'ReserveGdapDisplayName',
      data: { partnerId, relationshipId, displayName, at: request.context.occurredAt },
    };
    try {
      await this.run(partnerId, command, request, 'reserve');
    } catch (error) {
      if (!(error instanceof GdapDisplayNameTaken)) throw error;
      const holderChecked = await this.holder(partnerId, displayName);
      if (holderChecked === undefined) throw error;
      await this.run(
        partnerId,
        { ...command, data: { ...command.data, holderChecked } },
        request,
        'take-over',
      );
    }
  }

  /** Gives the name back (after a rename, or a refused creation); nothing if it is not held. */
  async release(
    partnerId: string,
    relationshipId: string,
    displayName: string,
    request: RequestContext,
  ): Promise<void> {
    await this.run(
      partnerId,
      { type: 'ReleaseGdapDisplayName', data: { partnerId, relationshipId, displayName } },
      request,
      'release',
    );
  }

  private run(
    partnerId: string,
    command: Parameters<typeof gdapDisplayNamesDecider.decide>[0],
    request: RequestContext,
    label: string,
  ) {
    const streamId = gdapDisplayNamesStream(partnerId);
    return this.runner.run({
      decider: gdapDisplayNamesDecider,
      streamId,
      command,
      context: request.context,
      eventId: commandEventIds(request, `${streamId}/${label}`),
    });
  }

  /** The relationship holding the name, and the name it bears today (none: it never took it). */
  private async holder(partnerId: string, displayName: string) {
    const { state } = await this.runner.load(
      gdapDisplayNamesDecider,
      gdapDisplayNamesStream(partnerId),
    );
    const relationshipId = gdapDisplayNameHolder(state, displayName);
    if (relationshipId === undefined) return undefined;
    const held = (await this.relationships.load(relationshipId)).state;
    return {
      relationshipId,
      displayName: held.status === 'none' ? undefined : held.relationship.displayName,
    };
  }
}
