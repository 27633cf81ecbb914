import fc from 'fast-check';
import { AppError } from '@customer-workspace/kernel';
import {
  DIRECTORY_READERS,
  GLOBAL_ADMINISTRATOR,
  GLOBAL_READER,
  SECURITY_GROUP,
  TOKEN_HASH,
  USER_ADMINISTRATOR,
} from '../testing/gdap.fixtures.js';
import type { GdapRelationshipCommand } from './gdap-relationship.commands.js';
import { gdapRelationshipDecider } from './gdap-relationship.decider.js';
import type { GdapRelationshipEvent } from './gdap-relationship.events.js';
import type { GdapRelationshipState } from './gdap-relationship.state.js';
import { dueGdapTransitions, nextGdapTransitionAt } from './gdap-transitions.js';

const RELATIONSHIP = 'r-1';
const { decide, evolve, initialState } = gdapRelationshipDecider;
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary });
/** Fourteen months of instants: approvals in time and late, expiries and extensions all happen. */
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 2, 1) })
  .map((ms) => new Date(ms).toISOString());
const partner = fc.constantFrom('p-1', 'p-1', 'p-2');
const tokenHash = fc.constantFrom(TOKEN_HASH, TOKEN_HASH, 'c'.repeat(64), 'not-a-hash');
const roles = fc.subarray([
  DIRECTORY_READERS,
  GLOBAL_READER,
  USER_ADMINISTRATOR,
  GLOBAL_ADMINISTRATOR,
  'x-1',
]);
const duration = fc.constantFrom('P1D', 'P30D', 'P90D', 'P2Y', 'P3Y', 'PT1H');
const autoExtend = fc.constantFrom('PT0S', 'P180D', 'P90D');
const name = fc.constantFrom('Contoso helpdesk', 'Contoso admins', ' ');
const assignmentId = fc.constantFrom('a-1', 'a-2');
const base = { relationshipId: fc.constant(RELATIONSHIP), at: instant };

const creation = fc.record({
  type: fc.constant('CreateGdapRelationship' as const),
  data: fc.record({
    relationshipId: fc.constant(RELATIONSHIP),
    at: fc.constant('2025-12-31T00:00:00.000Z'),
    partnerId: fc.constant('p-1'),
    customerId: maybe(fc.constant('c-1')),
    customerVisibleToPartner: fc.constant(true),
    displayName: fc.constant('Contoso helpdesk'),
    duration: fc.constantFrom('P30D', 'P90D', 'P2Y'),
    autoExtendDuration: maybe(fc.constantFrom('PT0S', 'P180D')),
    roles: fc
      .subarray([DIRECTORY_READERS, USER_ADMINISTRATOR])
      .map((more) => [GLOBAL_READER, ...more]),
    displayNameHeldBy: fc.constant(RELATIONSHIP),
  }),
}) as fc.Arbitrary<GdapRelationshipCommand>;

const command = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('CreateGdapRelationship' as const),
      data: fc.record({
        ...base,
        partnerId: partner,
        customerId: maybe(fc.constant('c-1')),
        customerVisibleToPartner: fc.constant(true),
        displayName: name,
        duration,
        autoExtendDuration: maybe(autoExtend),
        roles,
        displayNameHeldBy: fc.constantFrom(RELATIONSHIP, RELATIONSHIP, 'r-2'),
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('UpdateGdapRelationship' as const),
      data: fc.record(
        {
          ...base,
          partnerId: partner,
          displayName: name,
          duration,
          autoExtendDuration: autoExtend,
          roles,
          displayNameHeldBy: fc.constant(RELATIONSHIP),
        },
        { requiredKeys: ['relationshipId', 'at', 'partnerId'] },
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('LockGdapRelationshipForApproval' as const),
      data: fc.record({ ...base, partnerId: partner, tokenHash }),
    }),
  },
  {
    weight: 9,
    arbitrary: fc.record({
      type: fc.constant('ApproveGdapRelationship' as const),
      data: fc.record({ ...base, tokenHash, customerId: maybe(fc.constantFrom('c-1', 'c-2')) }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('TerminateGdapRelationship' as const),
      data: fc.record({ ...base, partnerId: partner }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('TerminateGdapRelationshipAsCustomer' as const),
      data: fc.record({ ...base, tokenHash }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('CreateGdapAccessAssignment' as const),
      data: fc.record({
        ...base,
        partnerId: partner,
        accessAssignmentId: assignmentId,
        securityGroupId: fc.constantFrom(SECURITY_GROUP, '11111111-2222-4333-8444-555555555555'),
        roles: fc.oneof(
          { weight: 4, arbitrary: fc.constant([GLOBAL_READER]) },
          { weight: 1, arbitrary: roles },
        ),
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('DeleteGdapAccessAssignment' as const),
      data: fc.record({ ...base, partnerId: partner, accessAssignmentId: assignmentId }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('RecordDueGdapTransitions' as const),
      data: fc.record(base),
    }),
  },
) as fc.Arbitrary<GdapRelationshipCommand>;

/**
 * A valid creation, then commands in the order of their instants (one clock), the way a
 * relationship lives; some refused, some on another partner's behalf, some late.
 */
const history = (maxLength: number) =>
  fc
    .tuple(creation, fc.array(command, { minLength: maxLength / 2, maxLength }))
    .map(([first, rest]) => [first, ...rest.sort((a, b) => a.data.at.localeCompare(b.data.at))]);

/** Runs the commands in order, as the command runner would: refusals change nothing. */
function run(commands: readonly GdapRelationshipCommand[]) {
  let state: GdapRelationshipState = initialState();
  const stored: GdapRelationshipEvent[] = [];
  for (const cmd of commands) {
    let events: readonly GdapRelationshipEvent[];
    try {
      events = decide(cmd, state);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      continue;
    }
    for (const event of events) {
      const broken = brokenRule(event, state);
      if (broken) throw new Error(`${event.type} after ${cmd.type}: ${broken}`);
      state = evolve(state, event);
    }
    stored.push(...events);
  }
  return { state, stored };
}

/** A rule of the lifecycle the event would break, decided on the state before it. */
function brokenRule(
  event: GdapRelationshipEvent,
  state: GdapRelationshipState,
): string | undefined {
  const settings = state.status === 'none' ? undefined : state.relationship;
  switch (event.type) {
    case 'GdapRelationshipCreated':
      return state.status !== 'none' ? 'created twice' : undefined;
    case 'GdapRelationshipUpdated':
      return Object.keys(event.data.new).some((field) => field !== 'autoExtendDuration') &&
        state.status !== 'created'
        ? `edited while ${state.status}`
        : undefined;
    case 'GdapRelationshipApprovalRequested':
      return state.status !== 'created' || !/^[0-9a-f]{64}$/.test(event.data.tokenHash)
        ? 'locked wrongly'
        : undefined;
    case 'GdapRelationshipApproved':
      if (state.status !== 'approvalPending') return `approved while ${state.status}`;
      return Date.parse(event.data.activatedDateTime) >= Date.parse(state.approval.expiresAt)
        ? 'approved after the request expired'
        : undefined;
    case 'GdapRelationshipAutoExtended':
      if (state.status !== 'active' || settings?.autoExtendDuration !== 'P180D') return 'extended';
      return event.data.previousEndDateTime !== state.activation.endDateTime
        ? 'extended off its end'
        : undefined;
    case 'GdapRelationshipExpired':
      return nextGdapTransitionAt(state) !== event.data.expiredAt
        ? 'expired off its instant'
        : undefined;
    case 'GdapRelationshipTerminated':
      return state.status === 'none' || state.status === 'expired' || state.status === 'terminated'
        ? `terminated while ${state.status}`
        : undefined;
    case 'GdapAccessAssignmentCreated':
      if (state.status !== 'active') return `assigned while ${state.status}`;
      return event.data.roles.some((role) => !state.relationship.roles.includes(role))
        ? 'assigned roles the relationship lacks'
        : undefined;
    case 'GdapAccessAssignmentDeleted':
      return state.status !== 'active' ? `unassigned while ${state.status}` : undefined;
  }
}

describe('any sequence of commands on one relationship', () => {
  it('keeps every rule of the lifecycle, and never Global Administrator with auto-extension', () => {
    fc.assert(
      fc.property(history(30), (commands) => {
        const { state } = run(commands);
        if (state.status !== 'none') {
          const { roles: held, autoExtendDuration } = state.relationship;
          expect(held.includes(GLOBAL_ADMINISTRATOR) && autoExtendDuration === 'P180D').toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same state when its stored events are replayed, read back as JSON', () => {
    fc.assert(
      fc.property(history(30), (commands) => {
        const { state, stored } = run(commands);
        const read = JSON.parse(JSON.stringify(stored)) as GdapRelationshipEvent[];
        expect(read.reduce(evolve, initialState())).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves nothing due after the transition process has run at an instant', () => {
    fc.assert(
      fc.property(history(20), instant, (commands, now) => {
        const { state } = run(commands);
        const after = decide(
          { type: 'RecordDueGdapTransitions', data: { relationshipId: RELATIONSHIP, at: now } },
          state,
        ).reduce(evolve, state);
        expect(dueGdapTransitions(after, now)).toEqual([]);
        const next = nextGdapTransitionAt(after);
        if (next !== undefined) expect(Date.parse(next)).toBeGreaterThan(Date.parse(now));
      }),
      { numRuns: 300 },
    );
  });
});
