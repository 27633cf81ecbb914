import { GDAP_ACTIVITY_ACTIONS, GDAP_WEBHOOK_EVENTS } from './gdap-activity.js';
import { GDAP_EVENT_SCHEMA_VERSIONS, GDAP_UPCASTERS, isGdapEventType } from './gdap-events.js';
import {
  GDAP_STREAM_CATEGORIES,
  gdapDisplayNamesStream,
  gdapRelationshipStream,
} from './gdap-streams.js';

describe('the activity-log actions of GDAP', () => {
  it('name every GDAP operation type of the product’s list exactly once', () => {
    const actions = Object.values(GDAP_ACTIVITY_ACTIONS).filter((action) => action !== null);
    expect([...actions].sort()).toEqual(
      [
        'granular_admin_relationship_created',
        'granular_admin_relationship_updated',
        'granular_admin_relationship_approval_requested',
        'granular_admin_relationship_approved',
        'granular_admin_relationship_terminated',
        'granular_admin_relationship_expired',
        'granular_admin_relationship_auto_extended',
        'granular_admin_access_assignment_created',
        'granular_admin_access_assignment_deleted',
      ].sort(),
    );
  });

  it('give the display-name index no rows of its own', () => {
    expect(GDAP_ACTIVITY_ACTIONS.GdapDisplayNameReserved).toBeNull();
    expect(GDAP_ACTIVITY_ACTIONS.GdapDisplayNameReleased).toBeNull();
  });
});

describe('the webhook notifications of GDAP events', () => {
  it('use each of the api’s granular-admin event names', () => {
    const names = Object.values(GDAP_WEBHOOK_EVENTS).flat();
    expect([...new Set(names)].sort()).toEqual(
      [
        'granular-admin-relationship-approved',
        'granular-admin-relationship-activated',
        'granular-admin-relationship-terminated',
        'granular-admin-relationship-expired',
        'granular-admin-access-assignment-created',
        'granular-admin-access-assignment-deleted',
      ].sort(),
    );
    expect(GDAP_WEBHOOK_EVENTS.GdapRelationshipApproved).toEqual([
      'granular-admin-relationship-approved',
      'granular-admin-relationship-activated',
    ]);
  });
});

describe('the events and streams of GDAP', () => {
  it('version every event type, all at 1 today, and refuse one a later build wrote', () => {
    const types = Object.keys(GDAP_ACTIVITY_ACTIONS).sort();
    expect(Object.keys(GDAP_EVENT_SCHEMA_VERSIONS).sort()).toEqual(types);
    for (const type of types) {
      expect(GDAP_UPCASTERS.currentVersion(type)).toBe(1);
      expect(isGdapEventType(type)).toBe(true);
    }
    expect(isGdapEventType('CustomerAdded')).toBe(false);
    expect(isGdapEventType('toString')).toBe(false);
    expect(() =>
      GDAP_UPCASTERS.upcast({ type: 'GdapRelationshipCreated', data: {}, schemaVersion: 2 }),
    ).toThrow(/newer than this build knows/);
  });

  it('name streams <category>-<id> with categories that hold no hyphen', () => {
    expect(gdapRelationshipStream('r-1')).toBe('gdapRelationship-r-1');
    expect(gdapDisplayNamesStream('p-1')).toBe('gdapDisplayNames-p-1');
    for (const category of GDAP_STREAM_CATEGORIES) expect(category).toMatch(/^[A-Za-z]+-$/);
    expect(GDAP_STREAM_CATEGORIES).toEqual(['gdapRelationship-', 'gdapDisplayNames-']);
  });
});
