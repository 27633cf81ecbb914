import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  activeHistory,
  approvalRequested,
  CREATED_AT,
  create,
  created,
  DIRECTORY_READERS,
  GLOBAL_ADMINISTRATOR,
  GLOBAL_READER,
  PARTNER_ID,
  RELATIONSHIP_ID,
  USER_ADMINISTRATOR,
} from '../testing/gdap.fixtures.js';
import type { UpdateGdapRelationship } from './gdap-relationship.commands.js';
import { gdapRelationshipDecider } from './gdap-relationship.decider.js';

const spec = deciderSpecification(gdapRelationshipDecider);

describe('creating a GDAP relationship', () => {
  it('records the settings in canonical form: P2Y as P730D, no auto-extension by default', () => {
    spec.given([]).when(create()).then([created()]);
  });

  it('keeps a trimmed display name, roles in lowercase and each once, and P0D as PT0S', () => {
    spec
      .given([])
      .when(
        create({
          displayName: '  Contoso helpdesk ',
          roles: [DIRECTORY_READERS.toUpperCase(), GLOBAL_READER, DIRECTORY_READERS],
          autoExtendDuration: 'P0D',
        }),
      )
      .then([created()]);
  });

  it('records a relationship that names no customer yet', () => {
    spec
      .given([])
      .when(create({ customerId: undefined, customerVisibleToPartner: undefined }))
      .then([created({ customerId: undefined })]);
  });

  it('records an auto-extending relationship without Global Administrator', () => {
    spec
      .given([])
      .when(create({ autoExtendDuration: 'P180D', duration: 'P1D' }))
      .then([created({ autoExtendDuration: 'P180D', duration: 'P1D' })]);
  });

  it('refuses Global Administrator in a relationship that auto-extends', () => {
    spec
      .given([])
      .when(create({ autoExtendDuration: 'P180D', roles: [GLOBAL_READER, GLOBAL_ADMINISTRATOR] }))
      .thenThrows({ code: 'global-administrator-cannot-auto-extend', kind: 'rule' });
  });

  it('accepts Global Administrator without auto-extension', () => {
    spec
      .given([])
      .when(create({ roles: [GLOBAL_ADMINISTRATOR] }))
      .then([created({ roles: [GLOBAL_ADMINISTRATOR] })]);
  });

  it.each(['PT23H', 'P731D', 'P2YT1S', 'P3Y', 'forever'])('refuses the duration %s', (duration) => {
    spec
      .given([])
      .when(create({ duration }))
      .thenThrows({ code: 'invalid-gdap-duration', kind: 'validation', field: 'duration' });
  });

  it('refuses an auto-extension other than PT0S and P180D', () => {
    spec
      .given([])
      .when(create({ autoExtendDuration: 'P90D' }))
      .thenThrows({ code: 'invalid-auto-extend-duration', kind: 'validation' });
  });

  it('refuses role ids outside the catalog, naming all of them', () => {
    spec
      .given([])
      .when(create({ roles: [GLOBAL_READER, 'x-1', 'x-2'] }))
      .thenThrows({
        code: 'unknown-gdap-roles',
        kind: 'validation',
        roleDefinitionIds: ['x-1', 'x-2'],
      });
  });

  it('refuses a relationship without roles', () => {
    spec
      .given([])
      .when(create({ roles: [] }))
      .thenThrows({ code: 'gdap-roles-required' });
  });

  it.each(['   ', 'x'.repeat(51)])('refuses the display name %j', (displayName) => {
    spec
      .given([])
      .when(create({ displayName }))
      .thenThrows({ code: 'invalid-gdap-display-name', kind: 'validation', field: 'displayName' });
  });

  it('accepts a display name of 50 characters, a decomposed accented letter counting once', () => {
    const displayName = 'e\u0301'.repeat(50);
    spec
      .given([])
      .when(create({ displayName }))
      .then([created({ displayName })]);
  });

  it('refuses a display name the partner’s index gives to another relationship', () => {
    spec
      .given([])
      .when(create({ displayNameHeldBy: 'r-2' }))
      .thenThrows({ code: 'gdap-display-name-taken', kind: 'conflict' });
    spec
      .given([])
      .when(create({ displayNameHeldBy: undefined }))
      .thenThrows({ code: 'gdap-display-name-taken' });
  });

  it('answers not-found for a customer the partner does not see', () => {
    spec
      .given([])
      .when(create({ customerVisibleToPartner: false }))
      .thenThrows({ code: 'customer-not-found', kind: 'not-found' });
  });

  it('refuses a relationship id already used', () => {
    spec
      .given([created()])
      .when(create())
      .thenThrows({ code: 'gdap-relationship-already-exists', kind: 'conflict' });
  });
});

describe('updating a GDAP relationship', () => {
  const update = (data: Partial<UpdateGdapRelationship['data']>): UpdateGdapRelationship => ({
    type: 'UpdateGdapRelationship',
    data: { relationshipId: RELATIONSHIP_ID, partnerId: PARTNER_ID, at: CREATED_AT, ...data },
  });
  const updated = (old: object, now: object) => ({
    type: 'GdapRelationshipUpdated' as const,
    data: {
      relationshipId: RELATIONSHIP_ID,
      partnerId: PARTNER_ID,
      customerId: 'c-1',
      old,
      new: now,
    },
  });

  it('records only what changes while created, with the old values', () => {
    spec
      .given([created()])
      .when(
        update({
          displayName: 'Contoso admins',
          displayNameHeldBy: RELATIONSHIP_ID,
          duration: 'P730D',
          roles: [GLOBAL_READER, USER_ADMINISTRATOR],
        }),
      )
      .then([
        updated(
          { displayName: 'Contoso helpdesk', roles: [DIRECTORY_READERS, GLOBAL_READER] },
          { displayName: 'Contoso admins', roles: [GLOBAL_READER, USER_ADMINISTRATOR] },
        ),
      ]);
  });

  it('records nothing when nothing changes (roles compare as a set)', () => {
    spec
      .given([created()])
      .when(update({ duration: 'P2Y', roles: [GLOBAL_READER, DIRECTORY_READERS] }))
      .then([]);
  });

  it('refuses display name, duration and roles once locked for approval, naming them', () => {
    spec
      .given([created(), approvalRequested()])
      .when(update({ duration: 'P1D', roles: [GLOBAL_READER] }))
      .thenThrows({
        code: 'gdap-relationship-not-editable',
        kind: 'conflict',
        status: 'approvalPending',
        fields: ['duration', 'roles'],
      });
  });

  it('refuses to change the auto-extension while approval is pending', () => {
    spec
      .given([created(), approvalRequested()])
      .when(update({ autoExtendDuration: 'P180D' }))
      .thenThrows({ code: 'gdap-relationship-not-editable', fields: ['autoExtendDuration'] });
  });

  it('changes the auto-extension of an active relationship', () => {
    spec
      .given(activeHistory())
      .when(update({ autoExtendDuration: 'P180D', at: '2026-04-01T00:00:00.000Z' }))
      .then([updated({ autoExtendDuration: 'PT0S' }, { autoExtendDuration: 'P180D' })]);
  });

  it('refuses the display name of an active relationship', () => {
    spec
      .given(activeHistory())
      .when(update({ displayName: 'Renamed', displayNameHeldBy: RELATIONSHIP_ID }))
      .thenThrows({
        code: 'gdap-relationship-not-editable',
        status: 'active',
        fields: ['displayName'],
      });
  });

  it('refuses auto-extension of a relationship holding Global Administrator', () => {
    spec
      .given(activeHistory({ roles: [GLOBAL_ADMINISTRATOR] }))
      .when(update({ autoExtendDuration: 'P180D', at: '2026-04-01T00:00:00.000Z' }))
      .thenThrows({ code: 'global-administrator-cannot-auto-extend', kind: 'rule' });
  });

  it('refuses adding Global Administrator to a relationship that auto-extends', () => {
    spec
      .given([created({ autoExtendDuration: 'P180D' })])
      .when(update({ roles: [GLOBAL_READER, GLOBAL_ADMINISTRATOR] }))
      .thenThrows({ code: 'global-administrator-cannot-auto-extend' });
  });

  it('allows Global Administrator and no auto-extension in one change', () => {
    spec
      .given([created({ autoExtendDuration: 'P180D' })])
      .when(update({ roles: [GLOBAL_ADMINISTRATOR], autoExtendDuration: 'PT0S' }))
      .then([
        updated(
          { autoExtendDuration: 'P180D', roles: [DIRECTORY_READERS, GLOBAL_READER] },
          { autoExtendDuration: 'PT0S', roles: [GLOBAL_ADMINISTRATOR] },
        ),
      ]);
  });

  it('refuses a new display name not reserved for the relationship', () => {
    spec
      .given([created()])
      .when(update({ displayName: 'Contoso admins', displayNameHeldBy: 'r-2' }))
      .thenThrows({ code: 'gdap-display-name-taken' });
  });

  it('checks every value given, as creation does', () => {
    spec
      .given([created()])
      .when(update({ duration: 'P800D' }))
      .thenThrows({ code: 'invalid-gdap-duration' });
    spec
      .given([created()])
      .when(update({ roles: ['x'] }))
      .thenThrows({ code: 'unknown-gdap-roles' });
  });

  it('answers not-found to another partner, and for a relationship that does not exist', () => {
    spec
      .given([created()])
      .when(update({ partnerId: 'p-2', duration: 'P1D' }))
      .thenThrows({ code: 'gdap-relationship-not-found', kind: 'not-found' });
    spec
      .given([])
      .when(update({ duration: 'P1D' }))
      .thenThrows({ code: 'gdap-relationship-not-found' });
  });
});
