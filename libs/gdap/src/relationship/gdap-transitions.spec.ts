import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  activeHistory,
  APPROVED_AT,
  approvalRequested,
  created,
  CUSTOMER_ID,
  END_AT,
  EXPIRES_AT,
  GLOBAL_ADMINISTRATOR,
  PARTNER_ID,
  RELATIONSHIP_ID,
} from '../testing/gdap.fixtures.js';
import type {
  RecordDueGdapTransitions,
  UpdateGdapRelationship,
} from './gdap-relationship.commands.js';
import { gdapRelationshipDecider } from './gdap-relationship.decider.js';
import type { GdapRelationshipEvent } from './gdap-relationship.events.js';
import {
  dueGdapTransitions,
  gdapStatusAt,
  gdapTransitionEventId,
  nextGdapTransitionAt,
} from './gdap-transitions.js';

const spec = deciderSpecification(gdapRelationshipDecider);
const fold = (events: readonly GdapRelationshipEvent[]) =>
  events.reduce(gdapRelationshipDecider.evolve, gdapRelationshipDecider.initialState());

const END_30 = '2026-04-09T12:00:00.000Z';
const [EXT_1, EXT_2, EXT_3] = [
  '2026-10-06T12:00:00.000Z',
  '2027-04-04T12:00:00.000Z',
  '2027-10-01T12:00:00.000Z',
];
/** Active for 30 days from `APPROVED_AT`, auto-extending. */
const extending = () => activeHistory({ duration: 'P30D', autoExtendDuration: 'P180D' }, END_30);

const extended = (previousEndDateTime: string, endDateTime: string): GdapRelationshipEvent => ({
  type: 'GdapRelationshipAutoExtended',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    previousEndDateTime,
    endDateTime,
  },
});
const expiredAtEnd = (expiredAt: string): GdapRelationshipEvent => ({
  type: 'GdapRelationshipExpired',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    previousStatus: 'active',
    reason: 'endDateTimeReached',
    expiredAt,
  },
});
const expiredUnapproved: GdapRelationshipEvent = {
  type: 'GdapRelationshipExpired',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    previousStatus: 'approvalPending',
    reason: 'approvalRequestExpired',
    expiredAt: EXPIRES_AT,
  },
};
const record = (at: string): RecordDueGdapTransitions => ({
  type: 'RecordDueGdapTransitions',
  data: { relationshipId: RELATIONSHIP_ID, at },
});

describe('when the next transition is due', () => {
  it('is the approval request’s expiry, then the end date-time, then never', () => {
    expect(nextGdapTransitionAt(fold([]))).toBeUndefined();
    expect(nextGdapTransitionAt(fold([created()]))).toBeUndefined();
    expect(nextGdapTransitionAt(fold([created(), approvalRequested()]))).toBe(EXPIRES_AT);
    expect(nextGdapTransitionAt(fold(activeHistory()))).toBe(END_AT);
    expect(nextGdapTransitionAt(fold([...activeHistory(), expiredAtEnd(END_AT)]))).toBeUndefined();
  });

  it('moves with each auto-extension', () => {
    expect(nextGdapTransitionAt(fold([...extending(), extended(END_30, EXT_1)]))).toBe(EXT_1);
  });
});

describe('the transitions due at an instant', () => {
  it('are none before their instant, and one from the instant on', () => {
    const pending = fold([created(), approvalRequested()]);
    expect(dueGdapTransitions(pending, '2026-05-31T08:59:59.999Z')).toEqual([]);
    const [due] = dueGdapTransitions(pending, EXPIRES_AT);
    expect(due).toEqual({
      transition: 'approvalRequestExpired',
      dueAt: EXPIRES_AT,
      eventId: 'a1ca23ea-e9c2-5540-8abe-b64e8cecee7e',
      event: expiredUnapproved,
    });
  });

  it('expire an unapproved request after 90 days with status expired', () => {
    const state = fold([created(), approvalRequested(), expiredUnapproved]);
    expect(state).toMatchObject({
      status: 'expired',
      reason: 'approvalRequestExpired',
      expiredAt: EXPIRES_AT,
    });
  });

  it('expire an active relationship at its end date-time, at that instant however late noticed', () => {
    const due = dueGdapTransitions(fold(activeHistory()), '2030-01-01T00:00:00.000Z');
    expect(due).toEqual([
      {
        transition: 'expired',
        dueAt: END_AT,
        eventId: '398bc134-ee9c-52f2-86f8-8fb2f26cfb55',
        event: expiredAtEnd(END_AT),
      },
    ]);
  });

  it('extend an auto-extending relationship by 180 days at its end date-time', () => {
    const [due] = dueGdapTransitions(fold(extending()), END_30);
    expect(due).toEqual({
      transition: 'autoExtended',
      dueAt: END_30,
      eventId: 'd0ba17be-3db8-5392-b5d9-a9945358fad2',
      event: extended(END_30, EXT_1),
    });
  });

  it('after a long outage, extend once per period missed, in order, and stop before now', () => {
    const now = '2027-05-01T00:00:00.000Z';
    const due = dueGdapTransitions(fold(extending()), now);
    expect(due.map(({ event }) => event)).toEqual([
      extended(END_30, EXT_1),
      extended(EXT_1, EXT_2),
      extended(EXT_2, EXT_3),
    ]);
    expect(due.map(({ dueAt }) => dueAt)).toEqual([END_30, EXT_1, EXT_2]);
    const after = fold([...extending(), ...due.map(({ event }) => event)]);
    expect(nextGdapTransitionAt(after)).toBe(EXT_3);
    expect(dueGdapTransitions(after, now)).toEqual([]);
  });

  it('never extend a relationship holding Global Administrator, even if its events say so', () => {
    const state = fold(
      activeHistory({ roles: [GLOBAL_ADMINISTRATOR], autoExtendDuration: 'P180D' }),
    );
    expect(dueGdapTransitions(state, END_AT).map(({ event }) => event)).toEqual([
      expiredAtEnd(END_AT),
    ]);
  });

  it('are none for a relationship created, expired or terminated, whatever the clock', () => {
    const far = '2100-01-01T00:00:00.000Z';
    expect(dueGdapTransitions(fold([created()]), far)).toEqual([]);
    expect(
      dueGdapTransitions(fold([created(), approvalRequested(), expiredUnapproved]), far),
    ).toEqual([]);
    expect(dueGdapTransitions(fold([...activeHistory(), expiredAtEnd(END_AT)]), far)).toEqual([]);
  });
});

describe('the ids of transition events', () => {
  it('are the same for every process that plans them, whenever it looks', () => {
    const state = fold(extending());
    const early = dueGdapTransitions(state, END_30);
    const late = dueGdapTransitions(state, '2027-05-01T00:00:00.000Z');
    expect(late[0]?.eventId).toBe(early[0]?.eventId);
    expect(dueGdapTransitions(fold(extending()), END_30)).toEqual(early);
  });

  it('differ by relationship, by transition and by instant, and ignore how the instant is written', () => {
    const id = gdapTransitionEventId('r-1', 'expired', END_AT);
    expect(gdapTransitionEventId('r-2', 'expired', END_AT)).not.toBe(id);
    expect(gdapTransitionEventId('r-1', 'autoExtended', END_AT)).not.toBe(id);
    expect(gdapTransitionEventId('r-1', 'expired', EXT_1)).not.toBe(id);
    expect(gdapTransitionEventId('r-1', 'expired', '2028-03-09T13:00:00+01:00')).toBe(id);
    const ids = dueGdapTransitions(fold(extending()), '2027-05-01T00:00:00.000Z').map(
      (t) => t.eventId,
    );
    expect(new Set(ids).size).toBe(3);
  });
});

describe('the status at an instant', () => {
  it('counts a transition due but not recorded', () => {
    const pending = fold([created(), approvalRequested()]);
    expect(gdapStatusAt(pending, '2026-04-01T00:00:00.000Z')).toBe('approvalPending');
    expect(gdapStatusAt(pending, EXPIRES_AT)).toBe('expired');
    expect(gdapStatusAt(fold(activeHistory()), END_AT)).toBe('expired');
    expect(gdapStatusAt(fold(extending()), '2030-01-01T00:00:00.000Z')).toBe('active');
  });
});

describe('recording the due transitions (the transition process’s command)', () => {
  it('records what is due, in order, and nothing when nothing is', () => {
    spec.given(extending()).when(record('2026-04-01T00:00:00.000Z')).then([]);
    spec
      .given(extending())
      .when(record(EXT_1))
      .then([extended(END_30, EXT_1), extended(EXT_1, EXT_2)]);
    spec.given([created(), approvalRequested()]).when(record(EXPIRES_AT)).then([expiredUnapproved]);
  });

  it('records a transition once: asked again, with the clock moved or not, nothing more', () => {
    spec
      .given([...activeHistory(), expiredAtEnd(END_AT)])
      .when(record('2031-01-01T00:00:00.000Z'))
      .then([]);
  });

  it('records nothing for a relationship that does not exist', () => {
    spec.given([]).when(record(END_AT)).then([]);
  });
});

describe('a command made after a transition fell due, before it is recorded', () => {
  const update = (at: string): UpdateGdapRelationship => ({
    type: 'UpdateGdapRelationship',
    data: {
      relationshipId: RELATIONSHIP_ID,
      partnerId: PARTNER_ID,
      autoExtendDuration: 'PT0S',
      at,
    },
  });

  it('records the transitions first, so the history stays in the order things happened', () => {
    spec
      .given(extending())
      .when(update('2026-11-01T00:00:00.000Z'))
      .then([
        extended(END_30, EXT_1),
        extended(EXT_1, EXT_2),
        {
          type: 'GdapRelationshipUpdated',
          data: {
            relationshipId: RELATIONSHIP_ID,
            partnerId: PARTNER_ID,
            customerId: CUSTOMER_ID,
            old: { autoExtendDuration: 'P180D' },
            new: { autoExtendDuration: 'PT0S' },
          },
        },
      ]);
  });

  it('is decided on the relationship as it then is: no auto-extension ends it at its end', () => {
    const events = gdapRelationshipDecider.decide(
      update('2026-05-01T00:00:00.000Z'),
      fold(extending()),
    );
    const after = fold([...extending(), ...events]);
    expect(nextGdapTransitionAt(after)).toBe(EXT_1);
    expect(dueGdapTransitions(after, EXT_1).map(({ event }) => event)).toEqual([
      expiredAtEnd(EXT_1),
    ]);
  });

  it('keeps the activation instant of the approval', () => {
    expect(fold(activeHistory())).toMatchObject({
      status: 'active',
      activation: { activatedDateTime: APPROVED_AT, endDateTime: END_AT },
    });
  });
});
