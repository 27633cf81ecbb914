import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  evolveInvitation,
  initialInvitationState,
  type InvitationEvent,
  type InvitationState,
  invitationStatusAt,
  invitationStream,
} from '@customer-workspace/customers';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { InvitationListView, InvitationStatus, InvitationView } from './invitation.view.js';
import type { ListInvitationsDto } from './list-invitations.dto.js';

/** A page of the caller's invitations (`GET /v1/relationship-requests`), their status at `now`. */
export class ListInvitationsQuery extends Query<InvitationListView> {
  constructor(
    readonly request: ListInvitationsDto,
    readonly caller: Principal,
    /** ISO-8601: whether a pending invitation has expired is decided at this instant. */
    readonly now: string,
  ) {
    super();
  }
}

type KnownInvitation = Exclude<InvitationState, { status: 'none' }>;

interface Folded {
  /** Global position of the request: the list's order and its cursor. */
  readonly position: bigint;
  state: KnownInvitation;
}

const INVITATION_EVENT_TYPES = new Set<string>([
  'ResellerRelationshipRequested',
  'ResellerRelationshipRequestRevoked',
  'ResellerRelationshipAccepted',
]);

const isInvitationEvent = (event: RecordedEvent): event is RecordedEvent & InvitationEvent =>
  INVITATION_EVENT_TYPES.has(event.type);

/**
 * The caller's invitations, newest first. No read model holds invitations yet, so this folds
 * every `invitation-*` stream read from `$all` (server-side stream-prefix filter) and keeps the
 * caller's. An invitations read model would answer this from a projection instead.
 */
@QueryHandler(ListInvitationsQuery)
export class ListInvitationsHandler implements IQueryHandler<
  ListInvitationsQuery,
  InvitationListView
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request: page, caller, now }: ListInvitationsQuery): Promise<InvitationListView> {
    const all = [...(await this.fold(caller.partnerId)).values()].sort((a, b) =>
      a.position < b.position ? 1 : -1,
    );
    const before = page.cursor === undefined ? undefined : BigInt(page.cursor);
    const rest = before === undefined ? all : all.filter((i) => i.position < before);
    const items = rest.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(({ state }) => viewOf(state, now)),
      nextCursor: rest.length > items.length && last ? last.position.toString() : null,
      total: all.length,
    };
  }

  private async fold(partnerId: string): Promise<Map<string, Folded>> {
    const invitations = new Map<string, Folded>();
    const filter = { streamNamePrefixes: [invitationStream('')] };
    for await (const event of this.store.readAll({ filter })) {
      if (!isInvitationEvent(event)) continue;
      const known = invitations.get(event.streamId);
      if (known) {
        known.state = evolveInvitation(known.state, event) as KnownInvitation;
      } else if (
        event.type === 'ResellerRelationshipRequested' &&
        event.data.partnerId === partnerId
      ) {
        const state = evolveInvitation(initialInvitationState(), event) as KnownInvitation;
        invitations.set(event.streamId, { position: event.position, state });
      }
    }
    return invitations;
  }
}

function viewOf(state: KnownInvitation, now: string): InvitationView {
  const { invitation } = state;
  const customerId =
    invitation.customerId ?? (state.status === 'accepted' ? state.customerId : undefined);
  return {
    id: invitation.invitationId,
    ...(customerId === undefined ? {} : { customerId }),
    ...(invitation.indirectProviderId === undefined
      ? {}
      : { indirectProviderId: invitation.indirectProviderId }),
    relationship: invitation.relationship,
    includeDelegatedAdmin: invitation.includeDelegatedAdmin,
    language: invitation.language,
    status: invitationStatusAt(state, now) as InvitationStatus,
    requestedAt: invitation.requestedAt,
    expiresAt: invitation.expiresAt,
  };
}
