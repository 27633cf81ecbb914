import type {
  ApproveGdapRelationship,
  CreateGdapRelationship,
  GdapRelationshipEvent,
  LockGdapRelationshipForApproval,
} from '../index.js';

export const RELATIONSHIP_ID = 'r-1';
export const PARTNER_ID = 'p-1';
export const CUSTOMER_ID = 'c-1';

export const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
export const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
export const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const SECURITY_GROUP = '0f3a53c6-4d3b-4f6e-9c5e-4e2b1a9d8c7b';

export const CREATED_AT = '2026-03-01T09:00:00.000Z';
export const LOCKED_AT = '2026-03-02T09:00:00.000Z';
/** 90 days after `LOCKED_AT`. */
export const EXPIRES_AT = '2026-05-31T09:00:00.000Z';
export const APPROVED_AT = '2026-03-10T12:00:00.000Z';
/** 730 days after `APPROVED_AT`. */
export const END_AT = '2028-03-09T12:00:00.000Z';

/** SHA-256 of `approval-token`. */
export const TOKEN_HASH = 'b20f97ddb9eb4056e37a4ca473e8096484267452455b58e4fd756e75ab6d5bd5';

type Data<C extends { data: unknown }> = Partial<C['data']>;

export const create = (data: Data<CreateGdapRelationship> = {}): CreateGdapRelationship => ({
  type: 'CreateGdapRelationship',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    customerVisibleToPartner: true,
    displayName: 'Contoso helpdesk',
    duration: 'P2Y',
    roles: [DIRECTORY_READERS, GLOBAL_READER],
    displayNameHeldBy: RELATIONSHIP_ID,
    at: CREATED_AT,
    ...data,
  },
});

type Of<T extends GdapRelationshipEvent['type']> = Extract<GdapRelationshipEvent, { type: T }>;

export const created = (
  data: Partial<Of<'GdapRelationshipCreated'>['data']> = {},
): GdapRelationshipEvent => ({
  type: 'GdapRelationshipCreated',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    displayName: 'Contoso helpdesk',
    duration: 'P730D',
    autoExtendDuration: 'PT0S',
    roles: [DIRECTORY_READERS, GLOBAL_READER],
    createdDateTime: CREATED_AT,
    ...data,
  },
});

export const lock = (
  data: Data<LockGdapRelationshipForApproval> = {},
): LockGdapRelationshipForApproval => ({
  type: 'LockGdapRelationshipForApproval',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    tokenHash: TOKEN_HASH,
    at: LOCKED_AT,
    ...data,
  },
});

export const approvalRequested = (
  data: Partial<Of<'GdapRelationshipApprovalRequested'>['data']> = {},
): GdapRelationshipEvent => ({
  type: 'GdapRelationshipApprovalRequested',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    tokenHash: TOKEN_HASH,
    requestedAt: LOCKED_AT,
    expiresAt: EXPIRES_AT,
    ...data,
  },
});

export const approve = (data: Data<ApproveGdapRelationship> = {}): ApproveGdapRelationship => ({
  type: 'ApproveGdapRelationship',
  data: { relationshipId: RELATIONSHIP_ID, tokenHash: TOKEN_HASH, at: APPROVED_AT, ...data },
});

export const approved = (
  data: Partial<Of<'GdapRelationshipApproved'>['data']> = {},
): GdapRelationshipEvent => ({
  type: 'GdapRelationshipApproved',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    customerBoundAtApproval: false,
    activatedDateTime: APPROVED_AT,
    endDateTime: END_AT,
    ...data,
  },
});

/** The history of an active relationship (created, locked, approved), with its settings. */
export const activeHistory = (
  settings: Partial<Of<'GdapRelationshipCreated'>['data']> = {},
  endDateTime = END_AT,
): GdapRelationshipEvent[] => [created(settings), approvalRequested(), approved({ endDateTime })];

export const assignmentCreated = (
  data: Partial<Of<'GdapAccessAssignmentCreated'>['data']> = {},
): GdapRelationshipEvent => ({
  type: 'GdapAccessAssignmentCreated',
  data: {
    relationshipId: RELATIONSHIP_ID,
    partnerId: PARTNER_ID,
    customerId: CUSTOMER_ID,
    accessAssignmentId: 'a-1',
    securityGroupId: SECURITY_GROUP,
    roles: [GLOBAL_READER],
    createdDateTime: '2026-03-11T08:00:00.000Z',
    ...data,
  },
});
