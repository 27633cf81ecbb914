import { GdapDisplayNameTaken } from '../display-names/display-name.errors.js';
import { gdapDisplayName } from '../display-names/gdap-display-name.js';
import {
  autoExtendDuration,
  AUTO_EXTENSION,
  NO_AUTO_EXTENSION,
  relationshipDuration,
} from '../duration/gdap-durations.js';
import { canonicalInstant } from '../duration/iso-duration.js';
import { catalogRoles, includesGlobalAdministrator } from '../roles/entra-roles.js';
import { GlobalAdministratorCannotAutoExtend } from '../roles/roles.errors.js';
import type {
  CreateGdapRelationship,
  UpdateGdapRelationship,
} from './gdap-relationship.commands.js';
import {
  GdapCustomerNotFound,
  GdapRelationshipAlreadyExists,
  GdapRelationshipNotEditable,
} from './gdap-relationship.errors.js';
import type { GdapRelationshipEvent, GdapSettings } from './gdap-relationship.events.js';
import type { GdapRelationshipState } from './gdap-relationship.state.js';
import { ownRelationship } from './own-relationship.js';

/**
 * A partner creates a relationship: every setting checked and kept in canonical form; a
 * customer it names must be one it sees; the display name must be reserved for it.
 */
export function createRelationship(
  { data }: CreateGdapRelationship,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  if (state.status !== 'none') throw new GdapRelationshipAlreadyExists(data.relationshipId);
  const settings = withoutGlobalAdministratorExtension({
    displayName: gdapDisplayName(data.displayName),
    duration: relationshipDuration(data.duration),
    autoExtendDuration: autoExtendDuration(data.autoExtendDuration ?? NO_AUTO_EXTENSION),
    roles: catalogRoles(data.roles),
  });
  const { relationshipId, partnerId, customerId } = data;
  if (customerId !== undefined && data.customerVisibleToPartner !== true)
    throw new GdapCustomerNotFound(customerId);
  if (data.displayNameHeldBy !== relationshipId)
    throw new GdapDisplayNameTaken(settings.displayName);
  const createdDateTime = canonicalInstant(data.at);
  return [
    {
      type: 'GdapRelationshipCreated',
      data: { relationshipId, partnerId, customerId, ...settings, createdDateTime },
    },
  ];
}

/**
 * A partner changes settings. Only what changes is recorded, with its old value; a request
 * that changes nothing records nothing. Display name, duration and roles change only while
 * `created`, the auto-extension while `created` or `active`.
 */
export function updateRelationship(
  { data }: UpdateGdapRelationship,
  state: GdapRelationshipState,
): GdapRelationshipEvent[] {
  const existing = ownRelationship(state, data);
  const { relationship } = existing;
  const changes = changedSettings(relationship, askedSettings(data));
  const fields = Object.keys(changes.new) as (keyof GdapSettings)[];
  if (fields.length === 0) return [];
  const frozen = fields.filter((field) => field !== 'autoExtendDuration');
  if (existing.status !== 'created' && frozen.length > 0)
    throw new GdapRelationshipNotEditable(existing.status, frozen);
  if (existing.status !== 'created' && existing.status !== 'active')
    throw new GdapRelationshipNotEditable(existing.status, fields);
  withoutGlobalAdministratorExtension({ ...relationship, ...changes.new });
  if (changes.new.displayName !== undefined && data.displayNameHeldBy !== data.relationshipId)
    throw new GdapDisplayNameTaken(changes.new.displayName);
  const { relationshipId, partnerId, customerId } = relationship;
  return [
    {
      type: 'GdapRelationshipUpdated',
      data: { relationshipId, partnerId, customerId, ...changes },
    },
  ];
}

/** The settings a request gives, each checked and in canonical form. */
function askedSettings(data: UpdateGdapRelationship['data']): Partial<GdapSettings> {
  return {
    ...(data.displayName !== undefined && { displayName: gdapDisplayName(data.displayName) }),
    ...(data.duration !== undefined && { duration: relationshipDuration(data.duration) }),
    ...(data.autoExtendDuration !== undefined && {
      autoExtendDuration: autoExtendDuration(data.autoExtendDuration),
    }),
    ...(data.roles !== undefined && { roles: catalogRoles(data.roles) }),
  };
}

/** The old and new values of the settings that differ (roles compare as sets). */
function changedSettings(current: GdapSettings, asked: Partial<GdapSettings>) {
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of ['displayName', 'duration', 'autoExtendDuration', 'roles'] as const) {
    const value = asked[key];
    if (value === undefined || same(value, current[key])) continue;
    old[key] = current[key];
    now[key] = value;
  }
  return { old: old as Partial<GdapSettings>, new: now as Partial<GdapSettings> };
}

const same = (a: string | readonly string[], b: string | readonly string[]): boolean =>
  typeof a === 'string' || typeof b === 'string'
    ? a === b
    : JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** Global Administrator is never granted by a relationship that auto-extends. */
function withoutGlobalAdministratorExtension<T extends GdapSettings>(settings: T): T {
  if (settings.autoExtendDuration === AUTO_EXTENSION && includesGlobalAdministrator(settings.roles))
    throw new GlobalAdministratorCannotAutoExtend();
  return settings;
}
