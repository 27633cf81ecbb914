import * as gdap from './index.js';

const fold = <E, S>(
  decider: { evolve: (s: S, e: E) => S; initialState: () => S },
  events: readonly E[],
) => events.reduce(decider.evolve, decider.initialState());

describe('the public surface, as a handler uses it', () => {
  const TOKEN_HASH = 'b20f97ddb9eb4056e37a4ca473e8096484267452455b58e4fd756e75ab6d5bd5';
  const roles = ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'];

  it('walks a relationship from its name’s reservation to its expiry after auto-extensions', () => {
    const names = gdap.gdapDisplayNamesDecider;
    const reserve = {
      type: 'ReserveGdapDisplayName' as const,
      data: {
        partnerId: 'p-1',
        relationshipId: 'r-1',
        displayName: 'Helpdesk',
        at: '2026-01-05T10:00:00Z',
      },
    };
    const index = fold(names, names.decide(reserve, names.initialState()));
    const holder = gdap.gdapDisplayNameHolder(index, 'helpdesk');
    expect(holder).toBe('r-1');

    const relationship = gdap.gdapRelationshipDecider;
    const history: gdap.GdapRelationshipEvent[] = [];
    const run = (command: gdap.GdapRelationshipCommand) => {
      const events = relationship.decide(command, fold(relationship, history));
      history.push(...events);
      return events;
    };
    run({
      type: 'CreateGdapRelationship',
      data: {
        relationshipId: 'r-1',
        partnerId: 'p-1',
        displayName: 'Helpdesk',
        duration: 'P30D',
        autoExtendDuration: 'P180D',
        roles,
        displayNameHeldBy: holder,
        at: '2026-01-05T10:00:00Z',
      },
    });
    run({
      type: 'LockGdapRelationshipForApproval',
      data: {
        relationshipId: 'r-1',
        partnerId: 'p-1',
        tokenHash: TOKEN_HASH,
        at: '2026-01-05T11:00:00Z',
      },
    });
    const [approvedEvent] = run({
      type: 'ApproveGdapRelationship',
      data: {
        relationshipId: 'r-1',
        tokenHash: TOKEN_HASH,
        customerId: 'c-1',
        at: '2026-01-06T00:00:00Z',
      },
    });
    expect(approvedEvent?.data).toMatchObject({
      customerId: 'c-1',
      customerBoundAtApproval: true,
      endDateTime: '2026-02-05T00:00:00.000Z',
    });
    run({
      type: 'CreateGdapAccessAssignment',
      data: {
        relationshipId: 'r-1',
        partnerId: 'p-1',
        accessAssignmentId: 'a-1',
        securityGroupId: '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b',
        roles: [roles[1]!],
        at: '2026-01-07T00:00:00Z',
      },
    });

    // The transition process, its clock moved a year on: two extensions, due one after the other.
    const state = fold(relationship, history);
    const planned = gdap.dueGdapTransitions(state, '2027-01-01T00:00:00Z');
    expect(planned.map(({ transition, dueAt }) => [transition, dueAt])).toEqual([
      ['autoExtended', '2026-02-05T00:00:00.000Z'],
      ['autoExtended', '2026-08-04T00:00:00.000Z'],
    ]);
    const recorded = run({
      type: 'RecordDueGdapTransitions',
      data: { relationshipId: 'r-1', at: '2027-01-01T00:00:00Z' },
    });
    expect(recorded).toEqual(planned.map(({ event }) => event));
    expect(gdap.nextGdapTransitionAt(fold(relationship, history))).toBe('2027-01-31T00:00:00.000Z');

    // The partner turns auto-extension off: the relationship expires at its current end.
    run({
      type: 'UpdateGdapRelationship',
      data: {
        relationshipId: 'r-1',
        partnerId: 'p-1',
        autoExtendDuration: 'PT0S',
        at: '2027-01-02T00:00:00Z',
      },
    });
    run({
      type: 'RecordDueGdapTransitions',
      data: { relationshipId: 'r-1', at: '2027-02-01T00:00:00Z' },
    });
    expect(fold(relationship, history)).toMatchObject({
      status: 'expired',
      reason: 'endDateTimeReached',
      expiredAt: '2027-01-31T00:00:00.000Z',
    });
    expect(history.map((event) => gdap.GDAP_ACTIVITY_ACTIONS[event.type])).toEqual([
      'granular_admin_relationship_created',
      'granular_admin_relationship_approval_requested',
      'granular_admin_relationship_approved',
      'granular_admin_access_assignment_created',
      'granular_admin_relationship_auto_extended',
      'granular_admin_relationship_auto_extended',
      'granular_admin_relationship_updated',
      'granular_admin_relationship_expired',
    ]);
    expect(JSON.stringify(history)).not.toContain('approval-token');
  });

  it('exports the deciders, the streams and what the event store needs', () => {
    expect(gdap.gdapRelationshipStream('r-1')).toBe('gdapRelationship-r-1');
    expect(gdap.gdapDisplayNamesStream('p-1')).toBe('gdapDisplayNames-p-1');
    expect(gdap.GDAP_UPCASTERS.currentVersion('GdapRelationshipCreated')).toBe(1);
    expect(gdap.GDAP_STREAM_CATEGORIES).toContain('gdapRelationship-');
  });
});
