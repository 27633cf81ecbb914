import { assertNever, type Decider } from '@customer-workspace/kernel';
import { canonicalInstant, instantMs } from '../duration/iso-duration.js';
import { GdapDisplayNameTaken } from './display-name.errors.js';
import type {
  GdapDisplayNamesCommand,
  ReleaseGdapDisplayName,
  ReserveGdapDisplayName,
} from './gdap-display-names.commands.js';
import type { GdapDisplayNamesEvent } from './gdap-display-names.events.js';
import {
  evolveGdapDisplayNames,
  type GdapDisplayNameReservation,
  type GdapDisplayNamesState,
  initialGdapDisplayNamesState,
} from './gdap-display-names.state.js';
import { displayNameKey, gdapDisplayName } from './gdap-display-name.js';

/**
 * How long a reservation is kept for a relationship that does not bear the name yet: longer
 * than any create or rename takes between its two appends.
 */
export const GDAP_RESERVATION_GRACE_MS = 10 * 60 * 1000;

/**
 * A partner's display-name index (`gdapDisplayNames-<partnerId>`): display names are unique
 * among the partner's relationships, ignoring case, and a relationship lives in a stream of
 * its own, so the names live here. Appends to this one stream are ordered by its revision,
 * which is what makes two concurrent creations of one name see each other.
 */
export const gdapDisplayNamesDecider: Decider<
  GdapDisplayNamesCommand,
  GdapDisplayNamesEvent,
  GdapDisplayNamesState
> = {
  initialState: initialGdapDisplayNamesState,
  evolve: evolveGdapDisplayNames,
  decide: (command, state) => {
    switch (command.type) {
      case 'ReserveGdapDisplayName':
        return reserve(command, state);
      case 'ReleaseGdapDisplayName':
        return release(command, state);
      default:
        return assertNever(command);
    }
  },
};

/** Reserving a name held by the same relationship changes nothing (a retry, a rename's echo). */
function reserve({ data }: ReserveGdapDisplayName, state: GdapDisplayNamesState) {
  const displayName = gdapDisplayName(data.displayName);
  const { partnerId, relationshipId } = data;
  const reservedAt = canonicalInstant(data.at);
  const reserved: GdapDisplayNamesEvent = {
    type: 'GdapDisplayNameReserved',
    data: { partnerId, displayName, relationshipId, reservedAt },
  };
  const held = state.names.get(displayNameKey(displayName));
  if (held === undefined) return [reserved];
  if (held.relationshipId === relationshipId) return [];
  if (!abandoned(held, data)) throw new GdapDisplayNameTaken(held.displayName);
  const released: GdapDisplayNamesEvent = {
    type: 'GdapDisplayNameReleased',
    data: {
      partnerId,
      displayName: held.displayName,
      relationshipId: held.relationshipId,
      reason: 'abandoned',
    },
  };
  return [released, reserved];
}

/** The holder was checked, does not bear the name, and had the grace period to take it. */
function abandoned(held: GdapDisplayNameReservation, data: ReserveGdapDisplayName['data']) {
  const checked = data.holderChecked;
  if (checked === undefined || checked.relationshipId !== held.relationshipId) return false;
  const bearsIt =
    checked.displayName !== undefined &&
    displayNameKey(checked.displayName) === displayNameKey(held.displayName);
  const graceOver = instantMs(data.at) - instantMs(held.reservedAt) >= GDAP_RESERVATION_GRACE_MS;
  return !bearsIt && graceOver;
}

/** Releasing a name the relationship does not hold changes nothing. */
function release({ data }: ReleaseGdapDisplayName, state: GdapDisplayNamesState) {
  const held = state.names.get(displayNameKey(data.displayName));
  if (held?.relationshipId !== data.relationshipId) return [];
  const { partnerId, relationshipId } = data;
  return [
    {
      type: 'GdapDisplayNameReleased' as const,
      data: {
        partnerId,
        displayName: held.displayName,
        relationshipId,
        reason: 'released' as const,
      },
    },
  ];
}
