import { assertNever } from '@customer-workspace/kernel';
import type { GdapDisplayNamesEvent } from './gdap-display-names.events.js';
import { displayNameKey } from './gdap-display-name.js';

/** A reserved display name: the relationship it is reserved for, since when. */
export interface GdapDisplayNameReservation {
  readonly displayName: string;
  readonly relationshipId: string;
  readonly reservedAt: string;
}

/** A partner's display names in use, by `displayNameKey`. */
export interface GdapDisplayNamesState {
  readonly names: ReadonlyMap<string, GdapDisplayNameReservation>;
}

export const initialGdapDisplayNamesState = (): GdapDisplayNamesState => ({ names: new Map() });

/** Folds one display-name event into the index. */
export function evolveGdapDisplayNames(
  state: GdapDisplayNamesState,
  event: GdapDisplayNamesEvent,
): GdapDisplayNamesState {
  const names = new Map(state.names);
  const key = displayNameKey(event.data.displayName);
  switch (event.type) {
    case 'GdapDisplayNameReserved': {
      const { displayName, relationshipId, reservedAt } = event.data;
      names.set(key, { displayName, relationshipId, reservedAt });
      return { names };
    }
    case 'GdapDisplayNameReleased':
      if (names.get(key)?.relationshipId === event.data.relationshipId) names.delete(key);
      return { names };
    default:
      return assertNever(event);
  }
}

/** The relationship a display name is reserved for (the handler's `displayNameHeldBy`), if any. */
export const gdapDisplayNameHolder = (
  state: GdapDisplayNamesState,
  displayName: string,
): string | undefined => state.names.get(displayNameKey(displayName))?.relationshipId;
