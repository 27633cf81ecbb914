import { deciderSpecification } from '@customer-workspace/kernel/testing';
import {
  activeHistory,
  approvalRequested,
  assignmentCreated,
  created,
  DIRECTORY_READERS,
  END_AT,
  GLOBAL_READER,
  PARTNER_ID,
  RELATIONSHIP_ID,
  SECURITY_GROUP,
  USER_ADMINISTRATOR,
} from '../testing/gdap.fixtures.js';
import type {
  CreateGdapAccessAssignment,
  DeleteGdapAccessAssignment,
} from './gdap-relationship.commands.js';
import { gdapRelationshipDecider } from './gdap-relationship.decider.js';

const spec = deciderSpecification(gdapRelationshipDecider);
const AT = '2026-03-11T08:00:00.000Z';

const assign = (
  data: Partial<CreateGdapAccessAssignment['data']> = {},
): CreateGdapAccessAssignment => ({
  type: 'CreateGdapAccessAssignment',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    accessAssignmentId: 'a-1',
    securityGroupId: SECURITY_GROUP,
    roles: [GLOBAL_READER],
    at: AT,
    ...data,
  },
});
const unassign = (
  data: Partial<DeleteGdapAccessAssignment['data']> = {},
): DeleteGdapAccessAssignment => ({
  type: 'DeleteGdapAccessAssignment',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    accessAssignmentId: 'a-1',
    at: AT,
    ...data,
  },
});

describe('access assignments', () => {
  it('grants a security group some of an active relationship’s roles', () => {
    spec.given(activeHistory()).when(assign()).then([assignmentCreated()]);
  });

  it('keeps the group and the roles in lowercase, each role once', () => {
    spec
      .given(activeHistory())
      .when(
        assign({
          securityGroupId: SECURITY_GROUP.toUpperCase(),
          roles: [GLOBAL_READER.toUpperCase(), DIRECTORY_READERS, GLOBAL_READER],
        }),
      )
      .then([assignmentCreated({ roles: [GLOBAL_READER, DIRECTORY_READERS] })]);
  });

  it('refuses roles the relationship does not hold, naming them all', () => {
    spec
      .given(activeHistory())
      .when(assign({ roles: [GLOBAL_READER, USER_ADMINISTRATOR, 'x-1'] }))
      .thenThrows({
        code: 'access-roles-not-in-relationship',
        kind: 'validation',
        field: 'roles',
        roleDefinitionIds: [USER_ADMINISTRATOR, 'x-1'],
      });
  });

  it('refuses an assignment without roles, and a security group that is no GUID', () => {
    spec
      .given(activeHistory())
      .when(assign({ roles: [] }))
      .thenThrows({ code: 'gdap-roles-required' });
    spec
      .given(activeHistory())
      .when(assign({ securityGroupId: 'helpdesk' }))
      .thenThrows({ code: 'invalid-security-group-id', kind: 'validation' });
  });

  it('refuses an assignment unless the relationship is active', () => {
    spec
      .given([created()])
      .when(assign())
      .thenThrows({ code: 'gdap-relationship-not-active', kind: 'conflict', status: 'created' });
    spec
      .given([created(), approvalRequested()])
      .when(assign())
      .thenThrows({ code: 'gdap-relationship-not-active', status: 'approvalPending' });
  });

  it('refuses an assignment at or after the end of a relationship that does not auto-extend', () => {
    spec
      .given(activeHistory())
      .when(assign({ at: END_AT }))
      .thenThrows({ code: 'gdap-relationship-not-active', status: 'expired' });
  });

  it('gives a security group one assignment per relationship, and an id one assignment', () => {
    spec
      .given([...activeHistory(), assignmentCreated()])
      .when(assign({ accessAssignmentId: 'a-2' }))
      .thenThrows({
        code: 'security-group-already-assigned',
        kind: 'conflict',
        accessAssignmentId: 'a-1',
      });
    spec
      .given([...activeHistory(), assignmentCreated()])
      .when(assign({ securityGroupId: '11111111-2222-4333-8444-555555555555' }))
      .thenThrows({ code: 'gdap-access-assignment-already-exists', kind: 'conflict' });
  });

  it('deletes an assignment, recording what it granted', () => {
    spec
      .given([...activeHistory(), assignmentCreated()])
      .when(unassign())
      .then([
        {
          type: 'GdapAccessAssignmentDeleted',
          data: {
            relationshipId: RELATIONSHIP_ID,
            partnerId: PARTNER_ID,
            customerId: 'c-1',
            accessAssignmentId: 'a-1',
            securityGroupId: SECURITY_GROUP,
            roles: [GLOBAL_READER],
          },
        },
      ]);
  });

  it('lets the group be assigned again once its assignment is deleted', () => {
    const deleted = gdapRelationshipDecider.decide(
      unassign(),
      [...activeHistory(), assignmentCreated()].reduce(
        gdapRelationshipDecider.evolve,
        gdapRelationshipDecider.initialState(),
      ),
    );
    spec
      .given([...activeHistory(), assignmentCreated(), ...deleted])
      .when(assign({ accessAssignmentId: 'a-2' }))
      .then([assignmentCreated({ accessAssignmentId: 'a-2' })]);
  });

  it('answers not-found for an unknown assignment and for another partner', () => {
    spec
      .given(activeHistory())
      .when(unassign())
      .thenThrows({ code: 'gdap-access-assignment-not-found', kind: 'not-found' });
    spec
      .given([...activeHistory(), assignmentCreated()])
      .when(unassign({ partnerId: 'p-2' }))
      .thenThrows({ code: 'gdap-relationship-not-found', kind: 'not-found' });
  });

  it('refuses to delete an assignment of a relationship that ended', () => {
    spec
      .given([...activeHistory(), assignmentCreated()])
      .when(unassign({ at: END_AT }))
      .thenThrows({ code: 'gdap-relationship-not-active', status: 'expired' });
  });
});
