import type { Command } from '@customer-workspace/kernel';

/**
 * Reserve a display name for a relationship before creating it or renaming it to that name.
 * When another relationship holds the name, the handler may look at that one's stream and say
 * what it found in `holderChecked`: a reservation whose relationship does not bear the name
 * (its creation or rename never happened) is abandoned once `GDAP_RESERVATION_GRACE` has
 * passed, and taken over.
 */
export type ReserveGdapDisplayName = Command<
  'ReserveGdapDisplayName',
  {
    readonly partnerId: string;
    readonly relationshipId: string;
    readonly displayName: string;
    readonly at: string;
    readonly holderChecked?: {
      readonly relationshipId: string;
      /** The holder's current display name; undefined when its stream holds no relationship. */
      readonly displayName: string | undefined;
    };
  }
>;

/** Give a name back: after a rename (the old name), or when the creation was refused. */
export type ReleaseGdapDisplayName = Command<
  'ReleaseGdapDisplayName',
  { readonly partnerId: string; readonly relationshipId: string; readonly displayName: string }
>;

/** Every command of a partner's display-name index. */
export type GdapDisplayNamesCommand = ReserveGdapDisplayName | ReleaseGdapDisplayName;
