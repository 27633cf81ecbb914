import { Upcasters } from '@customer-workspace/kernel';
import {
  GDAP_DISPLAY_NAMES_EVENT_SCHEMA_VERSIONS,
  type GdapDisplayNamesEvent,
} from '../display-names/gdap-display-names.events.js';
import {
  GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS,
  type GdapRelationshipEvent,
} from '../relationship/gdap-relationship.events.js';

/** Every event of the GDAP domain. */
export type GdapEvent = GdapRelationshipEvent | GdapDisplayNamesEvent;
export type GdapEventType = GdapEvent['type'];

/** The schema version of every GDAP event type, as this build writes it. */
export const GDAP_EVENT_SCHEMA_VERSIONS: Readonly<Record<GdapEventType, number>> = {
  ...GDAP_RELATIONSHIP_EVENT_SCHEMA_VERSIONS,
  ...GDAP_DISPLAY_NAMES_EVENT_SCHEMA_VERSIONS,
};

/**
 * How stored GDAP events are brought to their current shape: none has a second version yet.
 * To merge with the other domains' (`Upcasters.merge`) for the event store.
 */
export const GDAP_UPCASTERS = new Upcasters(GDAP_EVENT_SCHEMA_VERSIONS, []);

/** Whether a stored event's `type` is one of GDAP's (e.g. while reading `$all`). */
export function isGdapEventType(type: string): type is GdapEventType {
  return Object.hasOwn(GDAP_EVENT_SCHEMA_VERSIONS, type);
}
