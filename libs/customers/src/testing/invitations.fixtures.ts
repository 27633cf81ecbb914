// Commands and events shared by the invitation aggregate's given/when/then tests.
import type {
  AcceptInvitation,
  RequestResellerRelationship,
} from '../invitation/invitation.commands.js';
import type {
  InvitationEvent,
  ResellerRelationshipRequested,
} from '../invitation/invitation.events.js';

export const HASH = 'a'.repeat(64);
export const REQUESTED_AT = '2026-11-21T10:00:00.000Z';
export const EXPIRES_AT = '2026-12-05T10:00:00.000Z';

export const request = (
  extra: Partial<RequestResellerRelationship['data']> = {},
): RequestResellerRelationship => ({
  type: 'RequestResellerRelationship',
  data: {
    invitationId: 'i-1',
    partnerId: 'p-1',
    partnerPrograms: ['direct-bill'],
    includeDelegatedAdmin: false,
    language: 'cs',
    tokenHash: HASH,
    requestedAt: REQUESTED_AT,
    expiresAt: EXPIRES_AT,
    ...extra,
  },
});
export const requested = (
  extra: Partial<ResellerRelationshipRequested['data']> = {},
): ResellerRelationshipRequested => ({
  type: 'ResellerRelationshipRequested',
  data: {
    invitationId: 'i-1',
    partnerId: 'p-1',
    relationship: 'direct-reseller',
    includeDelegatedAdmin: false,
    language: 'cs',
    tokenHash: HASH,
    requestedAt: REQUESTED_AT,
    expiresAt: EXPIRES_AT,
    ...extra,
  },
});
export const reseller = {
  partnerPrograms: ['indirect-reseller'] as const,
  partnerIndirectProviderId: 'p-prov',
};
export const revoked: InvitationEvent = {
  type: 'ResellerRelationshipRequestRevoked',
  data: { invitationId: 'i-1', partnerId: 'p-1' },
};
export const accept = (extra: Partial<AcceptInvitation['data']> = {}): AcceptInvitation => ({
  type: 'AcceptInvitation',
  data: {
    invitationId: 'i-1',
    tokenHash: HASH,
    customer: { id: 'c-1', companyName: 'Contoso', domain: 'contoso.onmicrosoft.com' },
    acceptedAt: '2026-11-22T08:00:00.000Z',
    ...extra,
  },
});
export const accepted = (extra: Record<string, unknown> = {}): InvitationEvent => ({
  type: 'ResellerRelationshipAccepted',
  data: {
    invitationId: 'i-1',
    partnerId: 'p-1',
    relationship: 'direct-reseller',
    includeDelegatedAdmin: false,
    customerId: 'c-1',
    companyProfile: { companyName: 'Contoso', domain: 'contoso.onmicrosoft.com' },
    acceptedAt: '2026-11-22T08:00:00.000Z',
    ...extra,
  },
});
