import type { DomainEvent } from '@customer-workspace/kernel';

/** A display name was reserved for a relationship of the partner (before it takes the name). */
export type GdapDisplayNameReserved = DomainEvent<
  'GdapDisplayNameReserved',
  {
    readonly partnerId: string;
    readonly displayName: string;
    readonly relationshipId: string;
    readonly reservedAt: string;
  }
>;

/**
 * A reservation ended: `released` by its relationship (renamed, or its creation refused), or
 * `abandoned` — the relationship never took the name — and taken over by another.
 */
export type GdapDisplayNameReleased = DomainEvent<
  'GdapDisplayNameReleased',
  {
    readonly partnerId: string;
    readonly displayName: string;
    readonly relationshipId: string;
    readonly reason: 'released' | 'abandoned';
  }
>;

/** Every event of a `gdapDisplayNames-<partnerId>` stream. */
export type GdapDisplayNamesEvent = GdapDisplayNameReserved | GdapDisplayNameReleased;

/** The schema version each display-name event type is written at. */
export const GDAP_DISPLAY_NAMES_EVENT_SCHEMA_VERSIONS: Readonly<
  Record<GdapDisplayNamesEvent['type'], number>
> = {
  GdapDisplayNameReserved: 1,
  GdapDisplayNameReleased: 1,
};
