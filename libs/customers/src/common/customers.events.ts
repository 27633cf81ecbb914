import { Upcasters } from '@customer-workspace/kernel';
import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from '../customer/customer.events.js';
import { INVITATION_EVENT_SCHEMA_VERSIONS } from '../invitation/invitation.events.js';
import { PARTNER_EVENT_SCHEMA_VERSIONS } from '../partner/partner.events.js';
import type { CustomersDomainEventType } from './activity-log.actions.js';

/** The schema version of every event type of the domain, as this build writes it. */
export const CUSTOMERS_EVENT_SCHEMA_VERSIONS: Readonly<Record<CustomersDomainEventType, number>> = {
  ...PARTNER_EVENT_SCHEMA_VERSIONS,
  ...CUSTOMER_EVENT_SCHEMA_VERSIONS,
  ...INVITATION_EVENT_SCHEMA_VERSIONS,
};

/**
 * How the event store turns every stored event of the domain into its current shape before a
 * decider, projection or process sees it (`createEventStore({ upcasters })`). No event has a
 * second version yet, so it holds no upcaster; it still refuses an event written by a later
 * build. A new version of an event: bump it in its `*_EVENT_SCHEMA_VERSIONS` and list here the
 * `Upcaster` from the previous version.
 */
export const CUSTOMERS_UPCASTERS = new Upcasters(CUSTOMERS_EVENT_SCHEMA_VERSIONS, []);

/** The version a new event of `type` is written at (its metadata's `schemaVersion`). */
export function schemaVersionOf(type: string): number {
  const version = CUSTOMERS_UPCASTERS.currentVersion(type);
  if (version === undefined) throw new TypeError(`${type} is no event of the customers domain`);
  return version;
}
