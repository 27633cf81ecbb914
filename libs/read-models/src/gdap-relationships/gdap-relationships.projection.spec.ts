import { ProjectionHarness } from '../testing/projection-harness.js';
import { gdapRelationshipsProjection } from './gdap-relationships.projection.js';
import {
  gdapAccessAssignmentsOf,
  gdapRelationshipOf,
  gdapRelationshipsOfCustomer,
  queryGdapRelationships,
} from './gdap-relationships.query.js';

const P = 'p-1';
const READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
const LOCKED_AT = '2026-03-02T09:00:00.000Z';
const EXPIRES_AT = '2026-05-31T09:00:00.000Z';
const APPROVED_AT = '2026-03-10T12:00:00.000Z';
const END_AT = '2026-04-09T12:00:00.000Z';

const ids = (relationshipId: string, partnerId = P) => ({ relationshipId, partnerId });
const created = (relationshipId: string, extra: object = {}, partnerId = P) => ({
  type: 'GdapRelationshipCreated',
  data: {
    ...ids(relationshipId, partnerId),
    customerId: 'c-1',
    displayName: `Name ${relationshipId}`,
    duration: 'P30D',
    autoExtendDuration: 'PT0S',
    roles: [READERS],
    createdDateTime: '2026-03-01T09:00:00.000Z',
    ...extra,
  },
});
const locked = (relationshipId: string) => ({
  type: 'GdapRelationshipApprovalRequested',
  data: {
    ...ids(relationshipId),
    customerId: 'c-1',
    tokenHash: 'a'.repeat(64),
    requestedAt: LOCKED_AT,
    expiresAt: EXPIRES_AT,
  },
});
const approved = (relationshipId: string) => ({
  type: 'GdapRelationshipApproved',
  data: {
    ...ids(relationshipId),
    customerId: 'c-1',
    customerBoundAtApproval: false,
    activatedDateTime: APPROVED_AT,
    endDateTime: END_AT,
  },
});

const list = (h: ProjectionHarness, now: string, filter = {}) =>
  queryGdapRelationships(h.db, P, filter, { limit: 50 }, now);
const statusOf = (h: ProjectionHarness, id: string, now: string) =>
  gdapRelationshipOf(h.db, P, id, now)?.status;

describe('GDAP relationships read model', () => {
  let h: ProjectionHarness;
  beforeEach(() => (h = new ProjectionHarness(gdapRelationshipsProjection)));
  afterEach(() => h.close());

  it('follows a relationship through its lifecycle, settings as last updated', () => {
    h.given(created('r-1'), {
      type: 'GdapRelationshipUpdated',
      data: { ...ids('r-1'), old: { duration: 'P30D' }, new: { duration: 'P60D' } },
    });
    expect(gdapRelationshipOf(h.db, P, 'r-1', LOCKED_AT)).toMatchObject({
      status: 'created',
      duration: 'P60D',
      roles: [READERS],
      customerId: 'c-1',
    });
    h.given(locked('r-1'));
    expect(gdapRelationshipOf(h.db, P, 'r-1', LOCKED_AT)).toMatchObject({
      status: 'approvalPending',
      expiresAt: EXPIRES_AT,
    });
    h.given(approved('r-1'));
    expect(gdapRelationshipOf(h.db, P, 'r-1', APPROVED_AT)).toMatchObject({
      status: 'active',
      activatedDateTime: APPROVED_AT,
      endDateTime: END_AT,
      expiresAt: null,
    });
  });

  it('answers a row at the query’s instant: a due expiry or auto-extension shows before it is recorded', () => {
    h.given(created('r-1'), locked('r-1'));
    expect(statusOf(h, 'r-1', EXPIRES_AT)).toBe('expired');
    h.given(created('r-2', { autoExtendDuration: 'P180D' }), locked('r-2'), approved('r-2'));
    expect(gdapRelationshipOf(h.db, P, 'r-2', '2026-04-10T00:00:00.000Z')).toMatchObject({
      status: 'active',
      endDateTime: '2026-10-06T12:00:00.000Z',
    });
    h.given(
      created('r-3', { autoExtendDuration: 'PT0S', roles: [GLOBAL_ADMIN] }),
      locked('r-3'),
      approved('r-3'),
    );
    expect(statusOf(h, 'r-3', END_AT)).toBe('expired');
    expect(list(h, EXPIRES_AT, { status: 'expired' }).items.map((item) => item.id)).toEqual([
      'r-3',
      'r-1',
    ]);
    expect(list(h, EXPIRES_AT, { status: 'active' }).items.map((item) => item.id)).toEqual(['r-2']);
  });

  it('lists what will end by an instant: approval requests and relationships that do not auto-extend', () => {
    h.given(created('r-1'), locked('r-1'));
    h.given(created('r-2'), locked('r-2'), approved('r-2'));
    h.given(created('r-3', { autoExtendDuration: 'P180D' }), locked('r-3'), approved('r-3'));
    h.given(created('r-4'));
    const endingBy = (instant: string) =>
      list(h, APPROVED_AT, { endingBy: instant }).items.map((item) => item.id);
    expect(endingBy(END_AT)).toEqual(['r-2']);
    expect(endingBy(EXPIRES_AT)).toEqual(['r-2', 'r-1']);
  });

  it('filters by customer, pages newest first, and shows a partner only its own', () => {
    h.given(created('r-1'), created('r-2', { customerId: 'c-2' }), created('r-3'));
    h.given(created('r-9', {}, 'p-2'));
    expect(list(h, LOCKED_AT, { customerId: 'c-1' }).items.map((item) => item.id)).toEqual([
      'r-3',
      'r-1',
    ]);
    const first = queryGdapRelationships(h.db, P, {}, { limit: 2 }, LOCKED_AT);
    expect(first.total).toBe(3);
    const next = queryGdapRelationships(
      h.db,
      P,
      {},
      { limit: 2, before: Number(first.nextCursor) },
      LOCKED_AT,
    );
    expect([...first.items, ...next.items].map((item) => item.id)).toEqual(['r-3', 'r-2', 'r-1']);
    expect(next.nextCursor).toBeNull();
    expect(gdapRelationshipOf(h.db, P, 'r-9', LOCKED_AT)).toBeUndefined();
    expect(gdapRelationshipsOfCustomer(h.db, P, 'c-2', LOCKED_AT).map((r) => r.id)).toEqual([
      'r-2',
    ]);
  });

  it('keeps the access assignments, deleted ones and those of an ended relationship as deleted', () => {
    const group = '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b';
    const assignment = (accessAssignmentId: string) => ({
      ...ids('r-1'),
      customerId: 'c-1',
      accessAssignmentId,
      securityGroupId: group,
      roles: [READERS],
    });
    h.given(created('r-1'), locked('r-1'), approved('r-1'));
    h.given(
      {
        type: 'GdapAccessAssignmentCreated',
        data: { ...assignment('a-1'), createdDateTime: APPROVED_AT },
      },
      { type: 'GdapAccessAssignmentDeleted', data: assignment('a-1') },
      {
        type: 'GdapAccessAssignmentCreated',
        data: { ...assignment('a-2'), createdDateTime: APPROVED_AT },
      },
    );
    const relationship = gdapRelationshipOf(h.db, P, 'r-1', APPROVED_AT)!;
    expect(gdapAccessAssignmentsOf(h.db, relationship).map((a) => `${a.id}:${a.status}`)).toEqual([
      'a-1:deleted',
      'a-2:active',
    ]);
    const ended = gdapRelationshipOf(h.db, P, 'r-1', END_AT)!;
    expect(gdapAccessAssignmentsOf(h.db, ended).map((a) => a.status)).toEqual([
      'deleted',
      'deleted',
    ]);
  });
});
